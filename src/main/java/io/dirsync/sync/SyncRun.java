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
  private final ContainerSizes containerSizes;
  private DeltaReader delta;
  private int lastSourceUsers;

  public SyncRun(SyncJob job, Source source, Mapping mapping, Directory directory, StateStore state, Applier applier,
      RetryingReads reads, Clock clock) {
    this(job, new DesiredStateReader(source, mapping), Map.of(), directory, state, applier, reads, clock);
  }

  /** A run of a job with delta sync ({@code delta} null: every run reads the whole source). */
  public SyncRun(SyncJob job, Source source, Mapping mapping, DeltaSettings delta, Directory directory, StateStore state,
      Applier applier, RetryingReads reads, Clock clock) {
    this(job, source, mapping, directory, state, applier, reads, clock);
    if (delta != null) this.delta = new DeltaReader(source, mapping, delta, state, job.name(), clock);
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
    this.containerSizes = new ContainerSizes(state, job.name());
  }

  /** The plan a sync would apply now; changes nothing. */
  public Plan plan(SyncListener listener) {
    return plan(listener, false);
  }

  /** The plan a sync would apply now ({@code full}: read the whole source even with delta sync); changes nothing. */
  public Plan plan(SyncListener listener, boolean full) {
    Prepared prepared = prepare(new Stopwatch(clock, listener), listener, null, lastRunFinishedCleanly(null), full);
    lastSourceUsers = prepared.sourceUsers();
    return prepared.plan();
  }

  /** The users the source held at the last {@link #plan} (a delta plan names only the changed ones). */
  public int lastSourceUsers() {
    return lastSourceUsers;
  }

  /** Runs the sync (or, when {@code dryRun}, plans and reports it) and records the run. */
  public RunReport run(boolean dryRun, boolean allowMassDelete, SyncListener listener) {
    return run(dryRun, allowMassDelete, false, listener);
  }

  /** As {@link #run(boolean, boolean, SyncListener)}; {@code full}: a full run even with delta sync. */
  public RunReport run(boolean dryRun, boolean allowMassDelete, boolean full, SyncListener listener) {
    Instant started = clock.instant();
    String runId = state.startRun(job.name(), dryRun, started);
    try (RunContext context = new RunContext(job.name(), runId)) {
      return run(runId, started, dryRun, allowMassDelete, full, listener);
    }
  }

  private RunReport run(String runId, Instant started, boolean dryRun, boolean allowMassDelete, boolean full, SyncListener listener) {
    Map<String, Long> callsBefore = directory.callCounts();
    Stopwatch stopwatch = new Stopwatch(clock, listener);
    ReportBuilder report = new ReportBuilder(runId, job.name(), dryRun, started);
    try {
      Prepared prepared = prepare(stopwatch, listener, allowMassDelete, lastRunFinishedCleanly(runId), full);
      report.plan(prepared.plan());
      if (prepared.delta() != null) report.note(prepared.delta().summary());
      Optional<String> violation = Guards.check(prepared.plan(), job.guard().withAllowMassDelete(allowMassDelete),
          prepared.managed().size(), prepared.sourceUsers()).map(v -> v.reason())
          .or(() -> containerSizes.check(prepared.entries(), allowMassDelete));
      if (violation.isEmpty() && !dryRun) {
        sizes.remember(prepared.usersPerSource());
        containerSizes.remember(prepared.entries());
      }
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
        if (prepared.delta() != null && result.failures().isEmpty() && !result.aborted()) remember(prepared.delta());
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

  /** After a delta-sync run applied everything: what it read, and the position to read from next time. */
  private void remember(DeltaReader.Reading reading) {
    state.saveSourceUsers(job.name(), reading.full(), reading.rows(), reading.removedKeys());
    state.saveWatermark(job.name(), DeltaMark.NAME, reading.next().encode());
  }

  /** {@code allowMassDelete} null: no source size guard (a plan only shows what would happen). */
  private Prepared prepare(Stopwatch stopwatch, SyncListener listener, Boolean allowMassDelete, boolean lastRunClean, boolean full) {
    if (delta != null) return prepareDelta(stopwatch, listener, lastRunClean, full);
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
        reading.usersPerSource(), desired.users().size(), reading.entries(), null);
  }

  /**
   * A run of a job with delta sync: full or delta as {@link DeltaReader} decides. A delta run looks
   * up only the users it read, takes their memberships as last applied (no member listings), removes
   * only users the source reported gone, and retires nothing; a quiet one calls the directory not at all.
   */
  private Prepared prepareDelta(Stopwatch stopwatch, SyncListener listener, boolean lastRunClean, boolean full) {
    DeltaReader.Reading reading = stopwatch.time("read", () -> delta.read(listener, full, lastRunClean));
    DesiredState desired = reading.quiet() ? DeltaReader.withoutContainers(reading.state()) : reading.state();
    Map<ExternalId, ManagedUser> managed = state.managedUsers(job.name());
    ManagedContainers containers = state.managedContainers(job.name());
    DirectorySnapshot snapshot;
    MembershipIndex leaving = null;
    if (reading.quiet()) {
      snapshot = new DirectorySnapshot(List.of(), List.of(), List.of(), java.util.Set.of());
    } else {
      snapshot = stopwatch.time("lookup", () -> new SnapshotReader(reads, job.lookupConcurrency(), lastRunClean)
          .read(desired, reader.roleNamespaces(), listener, reading.full() ? null : reading.previous()));
      if (reading.full()) leaving = new LeavingMembers(reads).read(desired, containers, snapshot);
    }
    PlanInput input = new PlanInput(job.name(), clock.instant(), desired, snapshot.found(), managed, snapshot.departments(),
        snapshot.groups(), snapshot.roles(), job.removalAction(), containers, leaving, job.retire(), reading.authority());
    Planner planner = new Planner();
    Planner.Planned planned = stopwatch.time("plan", () -> planner.planned(input));
    return new Prepared(wholeSource(planned.plan(), reading.sourceUsers(), desired.users().size()), managed,
        planner.matchedUsers(input), input.knownDirectoryIds(), planned.managedContainers(), Map.of(), reading.sourceUsers(),
        reading.entries(), reading);
  }

  /** A delta plan counts the whole source: the users it did not read are unchanged. */
  private static Plan wholeSource(Plan p, int sourceUsers, int read) {
    return new Plan(p.job(), p.createdAt(), p.operations(), sourceUsers, p.unchanged() + Math.max(0, sourceUsers - read),
        p.managedUsers(), p.skipped(), p.retired(), p.users());
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
      ManagedContainers containers, Map<String, Integer> usersPerSource, int sourceUsers,
      Map<io.dirsync.model.EntryKind, Integer> entries, DeltaReader.Reading delta) {}

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
