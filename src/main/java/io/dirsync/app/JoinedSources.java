package io.dirsync.app;

import io.dirsync.config.JobConfig;
import io.dirsync.config.JoinSourceConfig;
import io.dirsync.mapping.join.JoinMapping;
import io.dirsync.model.EntryKind;
import io.dirsync.source.Source;
import io.dirsync.sync.NamedSource;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opens every source of a job that joins several; each is closed with the job. */
final class JoinedSources {
  private JoinedSources() {}

  static List<NamedSource> open(JobConfig job, JoinMapping mapping, Deque<AutoCloseable> closeLater) {
    List<NamedSource> out = new ArrayList<>();
    for (JoinSourceConfig s : job.sources()) {
      Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
      for (EntryKind kind : EntryKind.values()) needed.put(kind, mapping.attributes(s.name(), kind));
      Source source = Sources.open(s.connection(), needed, closeLater);
      closeLater.push(source);
      out.add(new NamedSource(s.name(), source, s.maxDropPercent()));
    }
    return out;
  }
}
