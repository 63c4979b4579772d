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
 * @param mode "sync" or "apply" (a saved plan); dry runs are syncs with {@code dryRun}
 * @param changes what changed (or would), user by user, with outcomes
 * @param memberships memberships set or removed (a membership operation may carry many), by outcome
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
    Map<String, Duration> timings,
    String mode,
    List<ReportedChange> changes,
    Map<OperationOutcome, Integer> memberships) {

  /** A sync's report without the per-user detail. */
  public RunReport(String runId, String job, boolean dryRun, Instant startedAt, Instant finishedAt, RunOutcome outcome,
      String message, int sourceUsers, int unchanged, Map<OperationKind, Map<OperationOutcome, Integer>> counts,
      List<SkippedEntry> skipped, List<Failure> failures, Map<String, Long> apiCalls, Map<String, Duration> timings) {
    this(runId, job, dryRun, startedAt, finishedAt, outcome, message, sourceUsers, unchanged, counts, skipped, failures,
        apiCalls, timings, "sync", List.of(), Map.of());
  }

  public RunReport {
    mode = mode == null ? "sync" : mode;
    changes = changes == null ? List.of() : changes instanceof ChangeRows rows ? rows : List.copyOf(changes);
    memberships = memberships == null ? Map.of() : Map.copyOf(memberships);
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

  /** "dry-run", "sync" or "apply": what kind of run this was. */
  public String kindOfRun() {
    return dryRun ? "dry-run" : mode;
  }

  /** Users created (or planned) that start out blocked, by outcome. */
  public int createdBlocked(OperationOutcome outcome) {
    if (changes instanceof ChangeRows rows) return rows.createdBlocked(outcome);
    return (int) changes.stream().filter(c -> isCreatedBlocked(c, outcome)).count();
  }

  static boolean isCreatedBlocked(ReportedChange c, OperationOutcome outcome) {
    return c.kind() == OperationKind.CREATE_USER && c.outcome() == outcome
        && c.changes().stream().anyMatch(f -> f.field().equals("blocked") && Boolean.TRUE.equals(f.after()));
  }

  /** Operations applied, of every kind. */
  public int changesApplied() {
    return counts.values().stream().mapToInt(m -> m.getOrDefault(OperationOutcome.APPLIED, 0)).sum();
  }
}
