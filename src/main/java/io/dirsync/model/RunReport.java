package io.dirsync.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run did, written as JSON under the reports directory and summarised on the terminal.
 *
 * @param counts per operation kind, per outcome
 * @param apiCalls calls made to the directory, by operation name
 * @param timings duration of each stage (read, map, lookup, plan, apply)
 */
public record RunReport(
    String runId,
    String job,
    boolean dryRun,
    Instant startedAt,
    Instant finishedAt,
    RunOutcome outcome,
    String message,
    int sourceUsers,
    int unchanged,
    Map<OperationKind, Map<OperationOutcome, Integer>> counts,
    List<SkippedEntry> skipped,
    List<Failure> failures,
    Map<String, Long> apiCalls,
    Map<String, Duration> timings) {

  public RunReport {
    counts = counts == null ? Map.of() : Map.copyOf(counts);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    failures = failures == null ? List.of() : List.copyOf(failures);
    apiCalls = apiCalls == null ? Map.of() : Map.copyOf(apiCalls);
    timings = timings == null ? Map.of() : Map.copyOf(timings);
  }

  public int count(OperationKind kind, OperationOutcome outcome) {
    return counts.getOrDefault(kind, Map.of()).getOrDefault(outcome, 0);
  }

  public long totalApiCalls() {
    return apiCalls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Operations applied, of every kind. */
  public int changesApplied() {
    return counts.values().stream().mapToInt(m -> m.getOrDefault(OperationOutcome.APPLIED, 0)).sum();
  }
}
