package io.dirsync.sync;

import io.dirsync.apply.Applier;
import io.dirsync.apply.ApplyResult;
import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.ExternalId;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.GuardViolation;
import io.dirsync.plan.Guards;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** `dirsync apply PLAN_FILE`: applies exactly a saved plan, skipping operations that went stale. */
public final class SavedPlanRun {
  private final Directory directory;
  private final StateStore state;
  private final Applier applier;
  private final Clock clock;

  private final GuardPolicy guard;

  /** {@code guard}: the job's mass-removal guard; a saved plan is held to it like a sync. */
  public SavedPlanRun(Directory directory, StateStore state, Applier applier, GuardPolicy guard, Clock clock) {
    this.guard = guard;
    this.directory = directory;
    this.state = state;
    this.applier = applier;
    this.clock = clock;
  }

  public RunReport apply(Plan plan, boolean allowMassDelete, SyncListener listener) {
    Instant started = clock.instant();
    String runId = state.startRun(plan.job(), false, started);
    try (RunContext context = new RunContext(plan.job(), runId)) {
      return apply(runId, started, plan, allowMassDelete, listener);
    }
  }

  private RunReport apply(String runId, Instant started, Plan plan, boolean allowMassDelete, SyncListener listener) {
    Map<String, Long> before = directory.callCounts();
    Stopwatch stopwatch = new Stopwatch(clock, listener);
    ReportBuilder report = new ReportBuilder(runId, plan.job(), false, started).plan(plan).mode("apply");
    try {
      Map<ExternalId, String> known = new TreeMap<>();
      state.managedUsers(plan.job()).forEach((id, managed) -> known.put(id, managed.directoryId()));
      Optional<GuardViolation> violation = Guards.check(plan, guard.withAllowMassDelete(allowMassDelete), known.size());
      if (violation.isPresent()) {
        report.outcome(RunOutcome.STOPPED_BY_GUARD, "stopped by a safety guard, nothing applied: " + violation.get().reason());
      } else {
        // what delta sync remembers of the memberships no longer holds: the job's next run is a full one
        state.watermark(plan.job(), DeltaMark.NAME).ifPresent(m -> state.saveWatermark(plan.job(), DeltaMark.NAME, DeltaMark.INVALIDATED));
        ApplyResult result = stopwatch.time("apply",
            () -> applier.apply(runId, plan.job(), plan, known, true, (done, total) -> listener.progress(done, total)));
        report.applied(result);
      }
    } catch (DirectoryException e) {
      report.outcome(RunOutcome.UNREACHABLE, "directory: " + e.getMessage());
    }
    RunReport done = report.finish(clock.instant(), CallDelta.between(before, directory.callCounts()), stopwatch.timings());
    state.finishRun(done);
    return done;
  }
}
