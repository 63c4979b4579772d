package io.dirsync.app;

import io.dirsync.source.SourceCheck;
import io.dirsync.sync.NamedSource;
import java.util.ArrayList;
import java.util.List;

/** {@code dirsync check} for a job with several sources: each one is checked, its lines named by source. */
final class JoinedChecks {
  private JoinedChecks() {}

  static SourceCheck check(List<NamedSource> sources, List<String> lines) {
    boolean ok = true;
    List<String> all = new ArrayList<>();
    for (NamedSource named : sources) {
      SourceCheck check = named.source().check();
      ok &= check.ok();
      check.steps().forEach(step -> lines.add("source " + named.name() + ": " + step));
      all.addAll(check.steps());
    }
    return new SourceCheck(ok, all);
  }
}
