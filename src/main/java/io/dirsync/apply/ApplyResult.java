package io.dirsync.apply;

import io.dirsync.model.Failure;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What applying a plan did.
 *
 * @param counts operations per kind, per outcome
 * @param failures failed operations (and users left out of membership operations), with reasons
 * @param skipped operations not applied, with the reason (stale, or the run stopped first)
 * @param aborted whether a fatal error stopped the run
 * @param abortReason why it stopped, or null
 */
public record ApplyResult(
    Map<OperationKind, Map<OperationOutcome, Integer>> counts,
    List<Failure> failures,
    List<Failure> skipped,
    boolean aborted,
    String abortReason) {

  public ApplyResult {
    Map<OperationKind, Map<OperationOutcome, Integer>> copy = new EnumMap<>(OperationKind.class);
    counts.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    counts = java.util.Collections.unmodifiableMap(copy);
    failures = List.copyOf(failures);
    skipped = List.copyOf(skipped);
  }

  public int count(OperationKind kind, OperationOutcome outcome) {
    return counts.getOrDefault(kind, Map.of()).getOrDefault(outcome, 0);
  }

  public int total(OperationOutcome outcome) {
    return counts.values().stream().mapToInt(m -> m.getOrDefault(outcome, 0)).sum();
  }
}
