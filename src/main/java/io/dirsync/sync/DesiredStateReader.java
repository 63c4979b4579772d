package io.dirsync.sync;

import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingSession;
import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.source.Source;

/** Streams every entry of the source through one mapping session. */
final class DesiredStateReader implements DesiredStateInput {
  private final Source source;
  private final Mapping mapping;

  DesiredStateReader(Source source, Mapping mapping) {
    this.source = source;
    this.mapping = mapping;
  }

  @Override
  public Reading read(SyncListener listener) {
    java.util.Map<EntryKind, Integer> entries = new java.util.EnumMap<>(EntryKind.class);
    return new Reading(readState(listener, entries), java.util.Map.of(), entries);
  }

  @Override
  public java.util.Set<String> roleNamespaces() {
    return mapping.roleNamespaces();
  }

  DesiredState readState(SyncListener listener) {
    return readState(listener, new java.util.EnumMap<>(EntryKind.class));
  }

  private DesiredState readState(SyncListener listener, java.util.Map<EntryKind, Integer> entries) {
    MappingSession session = mapping.newSession();
    long[] seen = {0};
    for (EntryKind kind : new EntryKind[] {EntryKind.DEPARTMENT, EntryKind.GROUP, EntryKind.USER}) {
      entries.put(kind, 0);
      source.read(kind, entry -> {
        entries.merge(entry.kind(), 1, Integer::sum);
        session.accept(entry);
        if (++seen[0] % 1000 == 0) listener.progress(seen[0], -1);
      });
    }
    listener.progress(seen[0], seen[0]);
    return UniqueValues.check(session.finish());
  }
}
