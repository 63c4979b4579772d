package io.dirsync.mapping.join;

import io.dirsync.mapping.MappingSession;
import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's join: each source's entries go through that source's own mapping session, and the join
 * key (and leaver facts) of each user entry is noted by DN; {@link #finish()} joins and merges.
 * Pure (today is given, not read). Not thread-safe.
 */
public final class JoinSession {
  private final Map<String, PerSource> sources = new LinkedHashMap<>();
  private final JoinRules rules;
  private final LocalDate today;

  JoinSession(Map<String, JoinSource> sources, JoinRules rules, LocalDate today) {
    sources.forEach((name, s) -> this.sources.put(name, new PerSource(s, s.mapping().newSession())));
    this.rules = rules;
    this.today = today;
  }

  /** What one source delivered, before the join. */
  static final class PerSource {
    final JoinSource source;
    final MappingSession session;
    /** join key (as written) by entry DN; entries without a key are absent. */
    final Map<String, String> keyByDn = new HashMap<>();
    final Map<String, LeaverRule.Facts> factsByDn = new HashMap<>();
    int users;

    PerSource(JoinSource source, MappingSession session) {
      this.source = source;
      this.session = session;
    }
  }

  /** Maps one entry that {@code source} delivered. */
  public void accept(String source, SourceEntry entry) {
    PerSource s = sources.get(source);
    if (s == null) throw new IllegalArgumentException("no source named " + source + "; sources: " + sources.keySet());
    if (entry.kind() == EntryKind.USER) {
      s.users++;
      String key = entry.first(s.source.joinKey());
      if (key != null && !key.isBlank()) s.keyByDn.put(entry.dn(), key.trim());
      LeaverRule leavers = rules.leavers();
      if (leavers != null && leavers.source().equals(source)) s.factsByDn.put(entry.dn(), leavers.facts(entry));
    }
    s.session.accept(entry);
  }

  /** Joins what every source delivered into one desired state. */
  public JoinResult finish() {
    Map<String, DesiredState> states = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    sources.forEach((name, s) -> {
      states.put(name, s.session.finish());
      counts.put(name, s.users);
    });
    return new Joiner(rules, today).join(sources, states, counts);
  }
}
