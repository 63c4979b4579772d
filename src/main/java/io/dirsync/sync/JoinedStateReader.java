package io.dirsync.sync;

import io.dirsync.mapping.join.JoinMapping;
import io.dirsync.mapping.join.JoinResult;
import io.dirsync.mapping.join.JoinSession;
import io.dirsync.model.EntryKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Reads every source of a joined job, one after the other, into one join session dated by the run's clock. */
final class JoinedStateReader implements DesiredStateInput {
  private final List<NamedSource> sources;
  private final JoinMapping mapping;
  private final Clock clock;
  private final ZoneId zone;

  JoinedStateReader(List<NamedSource> sources, JoinMapping mapping, Clock clock, ZoneId zone) {
    this.sources = List.copyOf(sources);
    this.mapping = mapping;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public Reading read(SyncListener listener) {
    JoinSession session = mapping.newSession(LocalDate.ofInstant(clock.instant(), zone));
    long[] seen = {0};
    for (NamedSource named : sources) {
      for (EntryKind kind : new EntryKind[] {EntryKind.DEPARTMENT, EntryKind.GROUP, EntryKind.USER}) {
        named.source().read(kind, entry -> {
          session.accept(named.name(), entry);
          if (++seen[0] % 1000 == 0) listener.progress(seen[0], -1);
        });
      }
    }
    listener.progress(seen[0], seen[0]);
    JoinResult result = session.finish();
    return new Reading(result.state(), result.usersPerSource());
  }

  @Override
  public Set<String> roleNamespaces() {
    return mapping.roleNamespaces();
  }
}
