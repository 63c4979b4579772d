package io.dirsync.apply;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Executes a {@link Plan}: phase by phase (departments, groups and roles; users; memberships;
 * blocks and deletes), each phase finished before the next starts, operations within a step (or
 * a level of departments) run concurrently. Permanent errors fail one operation and the run goes
 * on; a fatal error stops the run and the remaining operations are skipped. Every outcome is journaled, in batched
 * transactions ({@link StateBuffer}).
 * One {@code Applier} may apply several plans, one at a time.
 */
public final class Applier {

  private final Directory directory;
  private final StateStore state;
  private final ApplySettings settings;
  private final Clock clock;

  public Applier(Directory directory, StateStore state, ApplySettings settings, Clock clock) {
    this.directory = directory;
    this.state = state;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Applies {@code plan}.
   *
   * @param runId the run the journal entries belong to
   * @param job the job whose managed users are recorded
   * @param knownDirectoryIds directory ids of users named by externalId (managed and found users,
   *     see {@code PlanInput.knownDirectoryIds()}); may be empty for a saved plan with staleness checks
   * @param listener told after each operation (may be null)
   * @param checkStaleness look the plan's targets up first and skip operations whose target changed
   *     since the plan was made (for a saved plan)
   * @return counts, failures, skipped operations; {@code aborted} after a fatal error or a state
   *     store failure (operations not started are skipped)
   */
  public ApplyResult apply(String runId, String job, Plan plan, Map<ExternalId, String> knownDirectoryIds,
      boolean checkStaleness, ApplyListener listener) {
    Concurrency concurrency = new Concurrency(settings.concurrency(), settings.requestsPerSecond());
    CallPolicy calls = new CallPolicy("dirsync-" + job, settings).observingLatency(concurrency::observe);
    Tally tally = new Tally(plan.operations().size(), listener);
    ConcurrentHashMap<ExternalId, String> ids = new ConcurrentHashMap<>();
    if (knownDirectoryIds != null) knownDirectoryIds.forEach((k, v) -> { if (k != null && v != null) ids.put(k, v); });
    Optional<Staleness> staleness = Optional.empty();
    if (checkStaleness) {
      try {
        Staleness loaded = Staleness.load(plan, directory, calls);
        ids.putAll(loaded.directoryIds());
        staleness = Optional.of(loaded);
      } catch (DirectoryException e) {
        tally.abort("the directory could not be read before applying: " + e.getMessage());
      }
    }
    StateBuffer buffer = new StateBuffer(state, job, clock);
    PlacedOnCreate placed = new PlacedOnCreate();
    UserMoves moves = new UserMoves();
    OperationRunner runner = new OperationRunner(directory, state, buffer, calls, clock, job, ids, placed, moves);
    BatchCreates batches = directory.createBatchSize() > 1 ? new BatchCreates(directory, state, calls, clock, job, ids, placed) : null;
    Map<String, String> logContext = org.slf4j.MDC.getCopyOfContextMap();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency.threads(), work -> new Thread(() -> {
      if (logContext != null) org.slf4j.MDC.setContextMap(logContext);  // the run id on the apply threads' log lines
      work.run();
    }));
    BatchUpdates updates = directory.updateBatchSize() > 1 ? new BatchUpdates(directory, state, buffer, calls, clock, job, ids) : null;
    Task task = new Task(runId, runner, buffer, staleness, tally, batches, concurrency, updates);
    try {
      for (Step step : Step.of(plan, directory.movesUsersInOneCall())) {
        if (step.split() == Split.MOVES) moves.load(plan.operations(), placed);
        for (List<Operation> level : step.levels(() -> departmentParents(calls, tally))) {
          runStep(level, pool, task);
          task.flush(); // a step's users are recorded before the next step relies on them
        }
      }
    } finally {
      pool.shutdownNow();
      task.flush();
    }
    return tally.result();
  }

  /** Each department's parent code as the directory holds them; null when unknown (deletes then go one by one). */
  private Map<String, String> departmentParents(CallPolicy calls, Tally tally) {
    if (tally.abortReason().isPresent()) return null;
    try {
      Map<String, String> parentOf = new java.util.HashMap<>();
      calls.call(directory::listDepartments).forEach(d -> parentOf.put(d.code(), d.parentCode()));
      return parentOf;
    } catch (DirectoryException e) {
      return null;
    }
  }

  /** Runs operations that may run together, concurrently, and waits for all of them. */
  private void runStep(List<Operation> operations, ExecutorService pool, Task task) {
    List<Future<?>> running = new ArrayList<>();
    List<Operation> single = task.batches == null ? operations : operations.stream().filter(op -> !(op instanceof Operation.CreateUser)).toList();
    boolean members = directory.mergesMemberships();
    if (task.batches != null || members) {
      // the directory takes more users a membership call than the plan's chunks (a batching one also more groups): merge them
      Map<String, List<Operation>> merged = new java.util.LinkedHashMap<>();
      List<Operation> rest = new ArrayList<>();
      for (Operation op : single) {
        boolean merge = MergedOperations.membership(op) ? members : task.batches != null && MergedOperations.mergeable(op);
        if (merge) merged.computeIfAbsent(MergedOperations.key(op), k -> new ArrayList<>()).add(op);
        else rest.add(op);
      }
      single = rest;
      for (List<Operation> group : merged.values()) running.add(pool.submit(() -> task.limited(() -> task.runMerged(group))));
    }
    if (task.updates != null) {
      // a directory with a batch update takes a batch of users' updates, blocks or deletes a call
      for (List<Operation> batch : BatchUpdates.batches(single.stream().filter(BatchUpdates::batchable).toList(), directory.updateBatchSize())) {
        running.add(pool.submit(() -> task.limited(() -> task.runUpdates(batch))));
      }
      single = single.stream().filter(op -> !BatchUpdates.batchable(op)).toList();
    }
    for (Operation op : single) running.add(pool.submit(() -> task.runLimited(op)));
    if (task.batches != null) {
      List<Operation.CreateUser> creates = operations.stream().filter(Operation.CreateUser.class::isInstance).map(Operation.CreateUser.class::cast).toList();
      int size = directory.createBatchSize();
      for (int i = 0; i < creates.size(); i += size) {
        List<Operation.CreateUser> batch = creates.subList(i, Math.min(creates.size(), i + size));
        running.add(pool.submit(() -> task.limited(() -> task.runCreates(batch))));
      }
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        task.tally.abort("interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) throw error; // out of memory stays fatal: the CLI exits at once
        task.tally.abort("unexpected error: " + e.getCause());
      }
    }
  }

  /** Runs one operation and records its outcome. */
  private final class Task {
    private final String runId;
    private final OperationRunner runner;
    private final StateBuffer buffer;
    private final Optional<Staleness> staleness;
    private final Tally tally;
    private final BatchCreates batches;
    private final BatchUpdates updates;
    private final Concurrency concurrency;
    /**
     * Departments whose create failed, or was skipped for that reason: nothing is created or moved
     * under them (one skipped as stale because it now exists is not among them).
     */
    private final java.util.Set<String> notCreated = ConcurrentHashMap.newKeySet();

    Task(String runId, OperationRunner runner, StateBuffer buffer, Optional<Staleness> staleness, Tally tally,
        BatchCreates batches, Concurrency concurrency, BatchUpdates updates) {
      this.updates = updates;
      this.concurrency = concurrency;
      this.batches = batches;
      this.runId = runId;
      this.runner = runner;
      this.buffer = buffer;
      this.staleness = staleness;
      this.tally = tally;
    }

    /** Runs {@code work} holding one of the concurrency permits. */
    void limited(Runnable work) {
      try {
        concurrency.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tally.abort("interrupted");
        return;
      }
      try {
        work.run();
      } finally {
        concurrency.release();
      }
    }

    void runLimited(Operation op) {
      try {
        concurrency.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        record(op, OperationOutcome.SKIPPED, "not applied: interrupted", List.of());
        return;
      }
      try {
        run(op);
      } finally {
        concurrency.release();
      }
    }

    void run(Operation op) {
      if (open(List.of(op)).isEmpty()) return;
      try {
        OperationRunner.Outcome outcome = runner.run(op);
        record(op, outcome.outcome(), outcome.detail(), outcome.userFailures());
      } catch (RuntimeException e) {
        failAll(List.of(op), e);
      }
    }

    /** Creates users in one batch call (with the same skipping and failure rules as {@link #run}), an outcome per user. */
    void runCreates(List<Operation.CreateUser> ops) {
      List<Operation.CreateUser> open = open(ops);
      if (open.isEmpty()) return;
      try {
        Map<ExternalId, OperationRunner.Outcome> outcomes = batches.create(open.stream().map(Operation.CreateUser::user).toList());
        for (Operation.CreateUser op : open) {
          OperationRunner.Outcome o = outcomes.get(op.user().externalId());
          record(op, o.outcome(), o.detail(), o.userFailures());
        }
      } catch (RuntimeException e) {
        failAll(open, e);
      }
    }

    /**
     * Updates, blocks or deletes users in one batch call, an outcome per operation. A batch the
     * directory refuses as a whole (one user invalid or gone) is repeated one operation at a time,
     * so that each gets its own outcome.
     */
    void runUpdates(List<Operation> ops) {
      List<Operation> open = open(ops);
      if (open.isEmpty()) return;
      if (open.size() == 1 && !(open.get(0) instanceof Operation.BlockUser)) {
        run(open.get(0)); // one user's update: update-user, not a batch of one
        return;
      }
      try {
        List<OperationRunner.Outcome> outcomes = updates.apply(open);
        for (int i = 0; i < open.size(); i++) record(open.get(i), outcomes.get(i).outcome(), outcomes.get(i).detail(), List.of());
      } catch (DirectoryException e) {
        if (e.kind() == DirectoryException.Kind.PERMANENT) open.forEach(this::run);
        else failAll(open, e);
      } catch (RuntimeException e) {
        failAll(open, e);
      }
    }

    /** Runs operations merged into one (same kind and target, or all group creates), recording each. */
    void runMerged(List<Operation> ops) {
      if (ops.size() == 1) {
        run(ops.get(0));
        return;
      }
      List<Operation> open = open(ops);
      if (open.isEmpty()) return;
      try {
        OperationRunner.Outcome outcome = MergedOperations.run(open, runner);
        for (Operation op : open) {
          List<Failure> mine = outcome.userFailures().stream().filter(f -> MergedOperations.concerns(op, f)).toList();
          record(op, outcome.outcome(), outcome.detail() + " (merged with " + (open.size() - 1) + " more)", mine);
        }
      } catch (RuntimeException e) {
        failAll(open, e);
      }
    }

    /**
     * The operations still to apply: those the run's stop, a parent department not created or a
     * stale plan rules out are recorded as skipped instead (the stop is read before each, as
     * recording one may stop the run).
     */
    private <T extends Operation> List<T> open(List<T> ops) {
      List<T> open = new ArrayList<>();
      for (T op : ops) {
        Optional<String> reason = notApplied(op);
        if (reason.isPresent()) record(op, OperationOutcome.SKIPPED, reason.get(), List.of());
        else open.add(op);
      }
      return open;
    }

    private Optional<String> notApplied(Operation op) {
      Optional<String> stopped = tally.abortReason();
      if (stopped.isPresent()) return Optional.of("not applied: the run stopped (" + stopped.get() + ")");
      String parent = op instanceof Operation.CreateDepartment c ? c.parentCode()
          : op instanceof Operation.UpdateDepartment u && DepartmentLevels.isMove(u) ? u.parentCode() : null;
      if (parent != null && notCreated.contains(parent)) {
        if (op instanceof Operation.CreateDepartment c) notCreated.add(c.code());
        return Optional.of("not applied: its parent department " + parent + " was not created");
      }
      return staleness.flatMap(s -> s.reason(op));
    }

    /** Records each operation of a call that failed as a whole; a fatal answer or a state store that cannot record stops the run. */
    private void failAll(List<? extends Operation> ops, RuntimeException e) {
      String detail;
      if (e instanceof DirectoryException d) {
        if (d.kind() == DirectoryException.Kind.FATAL) tally.abort(d.getMessage());
        detail = d.getMessage() + (d.isTransient() ? " (gave up after " + settings.maxAttempts() + " attempt(s))" : "");
      } else if (e instanceof OperationRunner.StateStoreFailure) {
        tally.abort(e.getMessage());
        detail = e.getMessage();
      } else {
        detail = "unexpected error: " + e;
      }
      ops.forEach(op -> record(op, OperationOutcome.FAILED, detail, List.of()));
    }

    /** Journals the outcome; a state store that cannot record it stops the run (nothing more is applied unrecorded). */
    private void record(Operation op, OperationOutcome outcome, String detail, List<Failure> userFailures) {
      if (op instanceof Operation.CreateDepartment c && outcome == OperationOutcome.FAILED) notCreated.add(c.code());
      try {
        buffer.journal(new JournalEntry(runId, op.kind(), op.target(), outcome, detail, clock.instant()));
      } catch (RuntimeException e) {
        tally.abort("the state store could not journal " + op.kind() + " " + op.target() + ": " + e.getMessage());
      }
      tally.add(op, outcome, detail, userFailures);
    }

    void flush() {
      try {
        buffer.flush();
      } catch (RuntimeException e) {
        tally.abort("the state store could not record the applied operations: " + e.getMessage());
      }
    }
  }

  /** How a step's operations are split into levels that run one after the other. */
  enum Split { NONE, DEPARTMENT_CHANGES, DEPARTMENT_DELETES, MOVES }

  /** Operations of one phase (or part of one); steps run one after the other. */
  record Step(List<Operation> operations, Split split) {

    /**
     * Phase 0 creates groups and roles, then departments level by level ({@link DepartmentLevels});
     * phase 2 sets main departments only after memberships, since a main department must be one of
     * the user's departments; departments that left the source are deleted last, children first.
     * With {@code moves} (a directory that moves a user in one call) the main departments that are
     * set, not cleared, go before the memberships instead, each carrying its user's department
     * changes ({@link UserMoves}).
     */
    static List<Step> of(Plan plan, boolean moves) {
      List<Step> steps = new ArrayList<>();
      steps.add(new Step(select(plan, k -> k == OperationKind.CREATE_GROUP || k == OperationKind.CREATE_ROLE), Split.NONE));
      steps.add(new Step(select(plan, k -> k == OperationKind.CREATE_DEPARTMENT || k == OperationKind.UPDATE_DEPARTMENT), Split.DEPARTMENT_CHANGES));
      steps.add(new Step(select(plan, k -> k.phase() == 1), Split.NONE));
      if (moves) {
        steps.add(new Step(plan.operations().stream().filter(op -> op instanceof Operation.SetMainDepartment m && m.departmentCode() != null).toList(), Split.MOVES));
      }
      steps.add(new Step(select(plan, k -> k.phase() == 2 && k != OperationKind.SET_MAIN_DEPARTMENT), Split.NONE));
      steps.add(new Step(plan.operations().stream().filter(op -> op instanceof Operation.SetMainDepartment m && (!moves || m.departmentCode() == null)).toList(), Split.NONE));
      steps.add(new Step(select(plan, k -> k.phase() == 3), Split.NONE));
      steps.add(new Step(select(plan, k -> k == OperationKind.DELETE_GROUP), Split.NONE));
      steps.add(new Step(select(plan, k -> k == OperationKind.DELETE_DEPARTMENT), Split.DEPARTMENT_DELETES));
      return steps;
    }

    /** The levels, each run concurrently; {@code parentOf} reads the department tree, only for two or more deletes. */
    List<List<Operation>> levels(java.util.function.Supplier<Map<String, String>> parentOf) {
      return switch (split) {
        case NONE, MOVES -> List.of(operations);
        case DEPARTMENT_CHANGES -> DepartmentLevels.changes(operations);
        case DEPARTMENT_DELETES -> DepartmentLevels.deletes(operations, operations.size() > 1 ? parentOf.get() : null);
      };
    }

    private static List<Operation> select(Plan plan, java.util.function.Predicate<OperationKind> kinds) {
      return plan.operations().stream().filter(op -> kinds.test(op.kind())).toList();
    }
  }

}
