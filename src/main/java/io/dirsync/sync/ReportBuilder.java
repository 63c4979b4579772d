package io.dirsync.sync;

import io.dirsync.apply.ApplyResult;
import io.dirsync.model.Failure;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Gathers what a run learned, step by step, into its {@link RunReport}. Not thread-safe. */
final class ReportBuilder {
  private final String runId;
  private final String job;
  private final boolean dryRun;
  private final Instant startedAt;
  private int sourceUsers;
  private int unchanged;
  private List<SkippedEntry> skipped = List.of();
  private Map<OperationKind, Map<OperationOutcome, Integer>> counts = Map.of();
  private List<Failure> failures = List.of();
  private RunOutcome outcome = RunOutcome.SUCCESS;
  private String message;
  private String mode = "sync";
  private Plan plan;
  private boolean applied;
  private String note;

  ReportBuilder(String runId, String job, boolean dryRun, Instant startedAt) {
    this.runId = runId;
    this.job = job;
    this.dryRun = dryRun;
    this.startedAt = startedAt;
  }

  ReportBuilder plan(Plan plan) {
    sourceUsers = plan.sourceUsers();
    unchanged = plan.unchanged();
    skipped = plan.skipped();
    this.plan = plan;
    return this;
  }

  /** A saved plan applied by {@code dirsync apply}. */
  ReportBuilder mode(String newMode) {
    mode = newMode;
    return this;
  }

  ReportBuilder planned(Plan plan) {
    counts = SyncRun.plannedCounts(plan);
    return this;
  }

  ReportBuilder applied(ApplyResult result) {
    applied = true;
    counts = result.counts();
    failures = result.failures();
    List<SkippedEntry> all = new java.util.ArrayList<>(skipped);
    result.skipped().forEach(f -> all.add(new SkippedEntry(f.target(), "apply " + f.kind().name().toLowerCase(java.util.Locale.ROOT), f.reason())));
    skipped = all;
    if (result.aborted()) {
      outcome(RunOutcome.UNREACHABLE, "stopped: " + result.abortReason());
    } else if (!failures.isEmpty()) {
      outcome(RunOutcome.PARTIAL_FAILURE, failures.size() + " operation(s) failed");
    }
    return this;
  }

  /** A line that says how the run read its source (kept after the outcome's own message). */
  ReportBuilder note(String line) {
    note = line;
    return this;
  }

  ReportBuilder outcome(RunOutcome newOutcome, String newMessage) {
    outcome = newOutcome;
    message = newMessage;
    return this;
  }

  RunReport finish(Instant finishedAt, Map<String, Long> apiCalls, Map<String, Duration> timings) {
    ReportedChanges changes = ReportedChanges.of(plan, dryRun && outcome == RunOutcome.SUCCESS, applied, failures, skipped);
    String text = note == null ? message : message == null ? note : message + " (" + note + ")";
    return new RunReport(runId, job, dryRun, startedAt, finishedAt, outcome, text, sourceUsers, unchanged,
        counts, skipped, failures, apiCalls, timings, mode, changes.rows(), changes.memberships());
  }
}
