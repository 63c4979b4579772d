package io.dirsync.sync;

import io.dirsync.apply.ApplyResult;
import io.dirsync.apply.Applier;
import io.dirsync.apply.RetryingReads;
import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.join.JoinMapping;
import io.dirsync.model.DesiredState;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.Guards;
import io.dirsync.plan.PlanInput;
import io.dirsync.plan.Planner;
import io.dirsync.source.Source;
import io.dirsync.source.SourceException;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sync, the whole flow on one screen: read → map → look up → plan → guard → apply → record.
 * The only class that sees every layer; each step is done by the layer that owns it.
 */
public final class SyncRun {
  private final SyncJob job;
  private final DesiredStateInput reader;
  private final SourceSizes sizes;
  private final Directory directory;
  private final StateStore state;
  private final Applier applier;
  private final RetryingReads reads;
  private final Clock clock;

  public SyncRun(SyncJob job, Source source, Mapping mapping, Directory directory, StateStore state, Applier applier,
      RetryingReads reads, Clock clock) {
    this(job, new DesiredStateReader(source, mapping), Map.of(), directory, state, applier, reads, clock);
  }

  /** A run of a job that joins several sources per person ({@code zone}: the job's, for "today"). */
  public SyncRun(SyncJob job, List<NamedSource> sources, JoinMapping mapping, ZoneId zone, Directory directory,
      StateStore state, Applier applier, RetryingReads reads, Clock clock) {
    this(job, new JoinedStateReader(sources, mapping, clock, zone), maxDrops(sources), directory, state, applier, reads, clock);
  }

  private SyncRun(SyncJob job, DesiredStateInput input, Map<String, Double> maxDropPercent, Directory directory,
      StateStore state, Applier applier, RetryingReads reads, Clock clock) {
    this.job = job;
    this.reader = input;
    this.sizes = new SourceSizes(state, job.name(), maxDropPercent);
    this.directory = directory;
    this.state = state;
    this.applier = applier;
    this.reads = reads;
    this.clock = clock;
  }

  /** The plan a sync would apply now; changes nothing. */
  public Plan plan(SyncListener listener) {
    return prepare(new Stopwatch(clock, listener), listener, null, lastRunFinishedCleanly(null)).plan();
  }

  /** Runs the sync (or, when {@code dryRun}, plans and reports it) and records the run. */
  public RunReport run(boolean dryRun, boolean allowMassDelete, SyncListener listener) {
    Instant started = clock.instant();
    String runId = state.startRun(job.name(), dryRun, started);
    try (RunContext context = new RunContext(job.name(), runId)) {
      return run(runId, started, dryRun, allowMassDelete, listener);
    }
  }

  private RunReport run(String runId, Instant started, boolean dryRun, boolean allowMassDelete, SyncListener listener) {
    Map<String, Long> callsBefore = directory.callCounts();
    Stopwatch stopwatch = new Stopwatch(clock, listener);
    ReportBuilder report = new ReportBuilder(runId, job.name(), dryRun, started);
    try {
      Prepared prepared = prepare(stopwatch, listener, allowMassDelete, lastRunFinishedCleanly(runId));
      report.plan(prepared.plan());
      Optional<String> violation = Guards.check(prepared.plan(), job.guard().withAllowMassDelete(allowMassDelete),
          prepared.managed().size()).map(v -> v.reason());
      if (violation.isEmpty() && !dryRun) sizes.remember(prepared.usersPerSource());
      if (violation.isPresent()) {
        report.outcome(RunOutcome.STOPPED_BY_GUARD, "stopped by a safety guard, nothing applied: " + violation.get());
      } else if (dryRun) {
        report.planned(prepared.plan()).outcome(RunOutcome.SUCCESS, "dry run: nothing applied");
      } else {
        state.saveManaged(job.name(), changed(prepared.matched(), prepared.managed()));
        state.saveManagedContainers(job.name(), prepared.containers());
        ApplyResult result = stopwatch.time("apply", () -> applier.apply(runId, job.name(), prepared.plan(),
            prepared.knownIds(), false, (done, total) -> listener.progress(done, total)));
        report.applied(result);
      }
    } catch (SourceSizes.Stop e) {
      report.outcome(RunOutcome.STOPPED_BY_GUARD, "stopped by a safety guard, nothing applied: " + e.getMessage());
    } catch (SourceException e) {
      report.outcome(e.kind() == SourceException.Kind.CONFIGURATION ? RunOutcome.CONFIG_ERROR : RunOutcome.UNREACHABLE,
          "source: " + e.getMessage());
    } catch (DirectoryException e) {
      report.outcome(e.kind() == DirectoryException.Kind.PERMANENT ? RunOutcome.PARTIAL_FAILURE : RunOutcome.UNREACHABLE,
          "directory: " + e.getMessage());
    }
    RunReport done = report.finish(clock.instant(), CallDelta.between(callsBefore, directory.callCounts()), stopwatch.timings());
    state.finishRun(done);
    return done;
  }

  /**
   * Whether this job's previous (not dry) run applied everything. Only then is a main department
   * the directory cannot tell cheaply taken as what dirsync last set (see SnapshotReader).
   */
  private boolean lastRunFinishedCleanly(String runId) {
    return state.recentRuns(50).stream()
        .filter(r -> r.job().equals(job.name()) && !r.runId().equals(runId) && !r.dryRun())
        .findFirst().map(r -> r.outcome() == RunOutcome.SUCCESS).orElse(false);
  }

  /** {@code allowMassDelete} null: no source size guard (a plan only shows what would happen). */
  private Prepared prepare(Stopwatch stopwatch, SyncListener listener, Boolean allowMassDelete, boolean lastRunClean) {
    DesiredStateInput.Reading reading = stopwatch.time("read", () -> reader.read(listener));
    if (allowMassDelete != null) sizes.stopIfShrunk(reading.usersPerSource(), allowMassDelete);
    DesiredState desired = reading.state();
    DirectorySnapshot snapshot = stopwatch.time("lookup",
        () -> new SnapshotReader(reads, job.lookupConcurrency(), lastRunClean).read(desired, reader.roleNamespaces(), listener));
    Map<ExternalId, ManagedUser> managed = state.managedUsers(job.name());
    ManagedContainers containers = state.managedContainers(job.name());
    MembershipIndex leaving = new LeavingMembers(reads).read(desired, containers, snapshot);
    PlanInput input = new PlanInput(job.name(), clock.instant(), desired, snapshot.found(), managed,
        snapshot.departments(), snapshot.groups(), snapshot.roles(), job.removalAction(), containers, leaving, job.retire());
    Planner planner = new Planner();
    Planner.Planned planned = stopwatch.time("plan", () -> planner.planned(input));
    return new Prepared(planned.plan(), managed, planner.matchedUsers(input), input.knownDirectoryIds(), planned.managedContainers(),
        reading.usersPerSource());
  }

  /**
   * The matched users whose record is new or differs (directory id, applied hash, removed flag, name):
   * a no-change run writes no state rows. {@code lastSeen} therefore tells when a record last changed.
   */
  static List<ManagedUser> changed(List<ManagedUser> matched, Map<ExternalId, ManagedUser> stored) {
    return matched.stream().filter(m -> {
      ManagedUser known = stored.get(m.externalId());
      return known == null || !known.directoryId().equals(m.directoryId())
          || !java.util.Objects.equals(known.appliedHash(), m.appliedHash()) || known.removed() != m.removed()
          || !java.util.Objects.equals(known.label(), m.label());
    }).toList();
  }

  private record Prepared(Plan plan, Map<ExternalId, ManagedUser> managed, List<ManagedUser> matched, Map<ExternalId, String> knownIds,
      ManagedContainers containers, Map<String, Integer> usersPerSource) {}

  private static Map<String, Double> maxDrops(List<NamedSource> sources) {
    Map<String, Double> out = new java.util.HashMap<>();
    sources.forEach(s -> out.put(s.name(), s.maxDropPercent()));
    return out;
  }

  static Map<OperationKind, Map<OperationOutcome, Integer>> plannedCounts(Plan plan) {
    Map<OperationKind, Map<OperationOutcome, Integer>> counts = new EnumMap<>(OperationKind.class);
    plan.countsByKind().forEach((kind, n) -> counts.put(kind, Map.of(OperationOutcome.PLANNED, n)));
    return counts;
  }
}
