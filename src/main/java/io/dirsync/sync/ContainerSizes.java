package io.dirsync.sync;

import io.dirsync.model.EntryKind;
import io.dirsync.state.StateStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The empty-source guard for groups and departments: a source that delivers no group (department)
 * entries while the job's last applied run read some stops the run, as one that delivers no users
 * does. A search that suddenly finds nothing (a changed ACL, a wrong base DN) would otherwise strip
 * every membership. The counts are remembered per job in the state store's watermarks.
 */
final class ContainerSizes {
  private static final String PREFIX = "source-entries:";
  private final StateStore state;
  private final String job;

  ContainerSizes(StateStore state, String job) {
    this.state = state;
    this.job = job;
  }

  /** Why the run must stop, if it must; {@code entries} empty means the reader does not count. */
  Optional<String> check(Map<EntryKind, Integer> entries, boolean allowMassDelete) {
    if (allowMassDelete) return Optional.empty();
    for (EntryKind kind : new EntryKind[] {EntryKind.GROUP, EntryKind.DEPARTMENT}) {
      Integer now = entries.get(kind);
      if (now == null || now > 0) continue;
      int before = state.watermark(job, PREFIX + name(kind)).map(Integer::parseInt).orElse(0);
      if (before > 0) {
        return Optional.of("the source delivered no " + name(kind) + " entries while the last run read " + before
            + "; refusing to apply (every membership in them would be removed); rerun with --allow-mass-delete if this is intended");
      }
    }
    return Optional.empty();
  }

  /** After a run that was applied: these counts are the usual ones from now on. */
  void remember(Map<EntryKind, Integer> entries) {
    entries.forEach((kind, n) -> {
      if (kind != EntryKind.USER) state.saveWatermark(job, PREFIX + name(kind), Integer.toString(n));
    });
  }

  private static String name(EntryKind kind) {
    return kind == EntryKind.GROUP ? "group" : kind.name().toLowerCase(Locale.ROOT);
  }
}
