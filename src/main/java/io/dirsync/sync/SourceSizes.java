package io.dirsync.sync;

import io.dirsync.plan.GuardViolation;
import io.dirsync.plan.SourceSizeGuard;
import io.dirsync.state.StateStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Each source's usual size, remembered per job in the state store's watermarks, and the guard on it. */
final class SourceSizes {
  private static final String PREFIX = "source-users:";
  private final StateStore state;
  private final String job;
  private final Map<String, Double> maxDropPercent;

  SourceSizes(StateStore state, String job, Map<String, Double> maxDropPercent) {
    this.state = state;
    this.job = job;
    this.maxDropPercent = Map.copyOf(maxDropPercent);
  }

  /** Thrown when a source is empty or shrank too much: the run stops before the directory is even read. */
  static final class Stop extends RuntimeException {
    Stop(String reason) {
      super(reason, null, false, false);
    }
  }

  void stopIfShrunk(Map<String, Integer> users, boolean allowMassDelete) {
    Optional<String> violation = check(users, allowMassDelete);
    if (violation.isPresent()) throw new Stop(violation.get());
  }

  Optional<String> check(Map<String, Integer> users, boolean allowMassDelete) {
    Map<String, Integer> previous = new HashMap<>();
    for (String source : users.keySet()) {
      state.watermark(job, PREFIX + source).ifPresent(v -> previous.put(source, Integer.parseInt(v)));
    }
    return SourceSizeGuard.check(users, previous, maxDropPercent, allowMassDelete).map(GuardViolation::reason);
  }

  /** After a run that was not stopped: these sizes are the usual ones from now on. */
  void remember(Map<String, Integer> users) {
    users.forEach((source, n) -> state.saveWatermark(job, PREFIX + source, Integer.toString(n)));
  }
}
