package io.dirsync.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Guards each source of a joined job on its own: a source that delivers no users, or
 * {@code maxDropPercent} % fewer than in the last run that went through, stops the run. A half-size
 * HR export would otherwise turn into blocks, or into users quietly losing their HR fields. Pure.
 */
public final class SourceSizeGuard {

  private SourceSizeGuard() {}

  /**
   * @param users user entries each source delivered now, by source name
   * @param previous what each source delivered in the last run that was not stopped (absent: never)
   * @param maxDropPercent the largest drop allowed, per source (absent: 50)
   */
  public static Optional<GuardViolation> check(Map<String, Integer> users, Map<String, Integer> previous,
      Map<String, Double> maxDropPercent, boolean allowMassDelete) {
    if (allowMassDelete) return Optional.empty();
    for (Map.Entry<String, Integer> e : users.entrySet()) {
      String source = e.getKey();
      int now = e.getValue();
      Integer before = previous.get(source);
      if (now == 0) {
        return violation("source " + source + " delivered no users" + (before == null ? "" : " (last run: " + before + ")")
            + "; refusing to apply");
      }
      double limit = maxDropPercent.getOrDefault(source, 50.0);
      if (before != null && before > 0 && (before - now) * 100.0 / before >= limit) {
        return violation(String.format(Locale.ROOT, "source %s delivered %d users, %.1f%% fewer than the %d of the last run"
            + " (maxDropPercent %s%%); refusing to apply", source, now, (before - now) * 100.0 / before, before, trim(limit)));
      }
    }
    return Optional.empty();
  }

  private static Optional<GuardViolation> violation(String reason) {
    return Optional.of(new GuardViolation(reason + "; rerun with --allow-mass-delete if this is intended"));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
