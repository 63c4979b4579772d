package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.plan.RemovalAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplierTest {

  @Test
  void aFirstSyncCreatesEverythingPhaseByPhase() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());

    ApplyResult result = sync.sync(Company.of(10));

    assertThat(result.failures()).isEmpty();
    assertThat(result.aborted()).isFalse();
    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(10);
    List<JournalEntry> journal = sync.state.journalOf("run-1");
    assertThat(journal).hasSize(result.total(OperationOutcome.APPLIED));
    assertThat(journal).extracting(e -> e.kind().phase()).isSorted();
    assertThat(sync.directory.usersByExternalId().get("e0002")).satisfies(u -> {
      assertThat(u.groups()).containsExactly("all", "even");
      assertThat(u.roles()).containsExactly(Company.STAFF);
      assertThat(u.mainDepartment()).isEqualTo("rnd");
      assertThat(u.customData()).containsEntry("level", 2L);
      assertThat(u.field("email")).isEqualTo("u2@example.com");
    });
    assertThat(Company.snapshot(sync.directory)).containsEntry("dept:rnd", "R&D under hq");
  }

  @Test
  void everyUserCreatedIsRecordedAsManagedWithItsDirectoryId() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());

    sync.sync(Company.of(3));

    Map<ExternalId, ManagedUser> managed = sync.state.managedUsers(SyncHarness.JOB);
    assertThat(managed).hasSize(3);
    managed.values().forEach(m -> {
      assertThat(sync.directory.usersByExternalId().get(m.externalId().value()).id()).isEqualTo(m.directoryId());
      assertThat(m.removed()).isFalse();
      assertThat(m.appliedHash()).hasSize(64);
    });
  }

  @Test
  void aSecondSyncChangesNothingAndCostsOneLookUpPer80UsersPlusThreeListings() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    sync.sync(Company.of(170));
    sync.directory.resetCallCounts();

    Plan plan = sync.plan(Company.of(170));
    sync.apply(plan);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(sync.directory.calls("findByExternalIds")).isEqualTo(3);
    assertThat(sync.directory.totalCalls()).isEqualTo(3 + 3);
  }

  @Test
  void aPermanentErrorFailsThatUserOnlyAndTheRunGoesOn() {
    InMemoryDirectory directory = new InMemoryDirectory();
    directory.seedUser(null, Map.of("username", "someone", "email", "u1@example.com"));
    SyncHarness sync = new SyncHarness(directory);

    ApplyResult result = sync.sync(Company.of(4));

    assertThat(result.aborted()).isFalse();
    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.FAILED)).isEqualTo(1);
    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(3);
    assertThat(result.failures()).contains(new Failure(OperationKind.CREATE_USER, "e0001", "email u1@example.com is already taken"));
    assertThat(result.failures()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(OperationKind.ADD_TO_GROUP);
      assertThat(f.target()).isEqualTo("e0001");
    });
    assertThat(directory.usersByExternalId()).containsOnlyKeys("e0000", "e0002", "e0003");
    assertThat(directory.usersByExternalId().get("e0003").groups()).containsExactly("all", "odd");
  }

  @Test
  void aFatalErrorStopsTheRunAndSkipsEverythingLeft() {
    InMemoryDirectory directory = new InMemoryDirectory().failFatallyFrom("assignRole");
    SyncHarness sync = new SyncHarness(directory);
    sync.settings = SyncHarness.fastSettings(1);

    ApplyResult result = sync.sync(Company.of(4));

    assertThat(result.aborted()).isTrue();
    assertThat(result.abortReason()).contains("authentication failed");
    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(4);
    assertThat(result.count(OperationKind.ASSIGN_ROLE, OperationOutcome.FAILED)).isEqualTo(1);
    assertThat(result.count(OperationKind.SET_MAIN_DEPARTMENT, OperationOutcome.SKIPPED)).isEqualTo(4);
    assertThat(result.skipped()).allSatisfy(f -> assertThat(f.reason()).contains("the run stopped"));
    assertThat(sync.state.journalOf("run-1")).hasSize(result.total(OperationOutcome.APPLIED)
        + result.total(OperationOutcome.FAILED) + result.total(OperationOutcome.SKIPPED));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 11, 2024, 99991})
  void transientFaultsAreRetriedAndEndInTheSameStateAsACleanRun(long seed) {
    SyncHarness clean = new SyncHarness(new InMemoryDirectory());
    clean.sync(Company.of(25));
    SyncHarness faulty = new SyncHarness(new InMemoryDirectory());
    Plan plan = faulty.plan(Company.of(25));
    faulty.directory.injectTransientFaults(seed, 0.3);

    ApplyResult result = faulty.apply(plan);

    faulty.directory.healthy();
    assertThat(result.failures()).isEmpty();
    assertThat(faulty.directory.totalCalls()).isGreaterThan(clean.directory.totalCalls());
    assertThat(Company.snapshot(faulty.directory)).isEqualTo(Company.snapshot(clean.directory));
  }

  @Test
  void aRunStoppedHalfwayAndRunAgainEndsInTheSameStateWithNoDuplicates() {
    SyncHarness clean = new SyncHarness(new InMemoryDirectory());
    clean.sync(Company.of(12));
    InMemoryDirectory directory = new InMemoryDirectory().failFatallyFrom("addDepartmentMembers");
    SyncHarness crashed = new SyncHarness(directory);
    assertThat(crashed.sync(Company.of(12)).aborted()).isTrue();

    directory.healthy();
    ApplyResult rerun = crashed.sync(Company.of(12));

    assertThat(rerun.failures()).isEmpty();
    assertThat(rerun.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isZero();
    assertThat(Company.snapshot(directory)).isEqualTo(Company.snapshot(clean.directory));
    assertThat(crashed.plan(Company.of(12)).isEmpty()).isTrue();
  }

  @Test
  void usersCreatedByARunWhoseStateWasLostAreAdoptedNotCreatedAgain() {
    InMemoryDirectory directory = new InMemoryDirectory();
    new SyncHarness(directory).sync(Company.of(5));
    SyncHarness freshState = new SyncHarness(directory);

    Plan plan = freshState.plan(Company.of(5));
    freshState.apply(plan);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(directory.allUsers()).hasSize(5);
    assertThat(freshState.state.managedUsers(SyncHarness.JOB)).hasSize(5);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsLookedUpInsteadOfRepeated() {
    InMemoryDirectory directory = new InMemoryDirectory().loseNextCreateAnswer();
    SyncHarness sync = new SyncHarness(directory);
    sync.settings = SyncHarness.fastSettings(1);

    ApplyResult result = sync.sync(Company.of(List.of(Company.user(1))));

    assertThat(result.failures()).isEmpty();
    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(directory.allUsers()).hasSize(1);
    assertThat(directory.calls("createUser")).isEqualTo(1);
    assertThat(directory.calls("findByExternalId")).isEqualTo(1);
    assertThat(directory.usersByExternalId().get("e0001").groups()).containsExactly("all", "odd");
    assertThat(sync.state.managedUsers(SyncHarness.JOB)).containsKey(ExternalId.of("e0001"));
  }

  @Test
  void aUserGoneFromTheSourceIsBlockedLoggedOutAndMarkedRemoved() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    sync.sync(Company.of(3));

    ApplyResult result = sync.sync(Company.of(List.of(Company.user(0), Company.user(1))));

    assertThat(result.count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(1);
    String id = sync.directory.usersByExternalId().get("e0002").id();
    assertThat(sync.directory.usersByExternalId().get("e0002").blocked()).isTrue();
    assertThat(sync.directory.forcedLogouts(id)).isEqualTo(1);
    assertThat(sync.state.managedUsers(SyncHarness.JOB).get(ExternalId.of("e0002")).removed()).isTrue();
  }

  @Test
  void aBlockedUserThatComesBackIsUnblockedAndNoLongerMarkedRemoved() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    sync.sync(Company.of(3));
    sync.sync(Company.of(2));

    ApplyResult result = sync.sync(Company.of(3));

    assertThat(result.count(OperationKind.UPDATE_USER, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(sync.directory.usersByExternalId().get("e0002").blocked()).isFalse();
    assertThat(sync.state.managedUsers(SyncHarness.JOB).get(ExternalId.of("e0002")).removed()).isFalse();
  }

  @Test
  void aManagedUserDeletedByHandIsForgottenInsteadOfFailingEveryRun() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    sync.sync(Company.of(3));
    sync.directory.deleteUser(sync.directory.usersByExternalId().get("e0002").id());

    ApplyResult result = sync.sync(Company.of(2));

    assertThat(result.failures()).isEmpty();
    assertThat(result.count(OperationKind.BLOCK_USER, OperationOutcome.SKIPPED)).isEqualTo(1);
    assertThat(sync.state.managedUsers(SyncHarness.JOB)).doesNotContainKey(ExternalId.of("e0002"));
  }

  @Test
  void theDeleteActionDeletesTheUserAndForgetsIt() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    sync.sync(Company.of(3));
    sync.action = RemovalAction.DELETE;

    sync.sync(Company.of(2));

    assertThat(sync.directory.usersByExternalId()).doesNotContainKey("e0002");
    assertThat(sync.state.managedUsers(SyncHarness.JOB)).doesNotContainKey(ExternalId.of("e0002"));
  }

  @Test
  void aStateStoreThatCannotRecordStopsTheRun() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    sync.settings = SyncHarness.fastSettings(1);
    Plan plan = sync.plan(Company.of(3));
    MemoryStateStore broken = new MemoryStateStore() {
      @Override
      public void saveManaged(String job, java.util.Collection<ManagedUser> users) {
        throw new IllegalStateException("disk full");
      }
    };

    ApplyResult result = new Applier(sync.directory, broken, sync.settings, SyncHarness.CLOCK)
        .apply("r", SyncHarness.JOB, plan, Map.of(), false, ApplyListener.NONE);

    // State is written in batches: the run stops at the first batch that cannot be written (here
    // the end of the create step); nothing of the later steps is applied.
    assertThat(result.aborted()).isTrue();
    assertThat(result.abortReason()).contains("disk full");
    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(3);
    long laterSteps = plan.operations().stream().filter(op -> op.kind().phase() >= 2).count();
    assertThat(laterSteps).isPositive();
    assertThat(result.total(OperationOutcome.SKIPPED)).isEqualTo(laterSteps);
  }

  @Test
  void aSavedPlanIsNotAppliedWhenTheDirectoryCannotBeReadFirst() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    Plan plan = sync.plan(Company.of(2));
    sync.directory.failFatallyFrom("findByExternalIds");

    ApplyResult result = new Applier(sync.directory, sync.state, sync.settings, SyncHarness.CLOCK)
        .apply("r", SyncHarness.JOB, plan, Map.of(), true, ApplyListener.NONE);

    assertThat(result.aborted()).isTrue();
    assertThat(result.total(OperationOutcome.APPLIED)).isZero();
    assertThat(result.total(OperationOutcome.SKIPPED)).isEqualTo(plan.operations().size());
  }

  @Test
  void progressIsReportedForEveryOperation() {
    SyncHarness sync = new SyncHarness(new InMemoryDirectory());
    Plan plan = sync.plan(Company.of(3));
    List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    new Applier(sync.directory, sync.state, SyncHarness.fastSettings(2), SyncHarness.CLOCK)
        .apply("r", SyncHarness.JOB, plan, Map.of(), false, (done, total) -> {
          assertThat(total).isEqualTo(plan.operations().size());
          seen.add(done);
        });

    assertThat(seen).hasSize(plan.operations().size()).contains(plan.operations().size());
  }
}
