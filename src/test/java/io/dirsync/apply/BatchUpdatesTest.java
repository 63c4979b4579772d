package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.authingv3.AuthingV3Directory;
import io.dirsync.directory.authingv3.V3Config;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import io.dirsync.plan.PlanInput;
import io.dirsync.plan.Planner;
import io.dirsync.plan.RemovalAction;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Updates, custom-data writes, blocks and deletes go in batches for a directory that has a batch
 * update (v3's update-user-batch, delete-users-batch), each operation with its own outcome and
 * journal entry; a refused batch is repeated one by one; lost answers neither lose nor duplicate.
 */
class BatchUpdatesTest {
  private static final Set<String> NS = Set.of(RoleRef.DEFAULT_NAMESPACE);

  private final MemoryStateStore state = new MemoryStateStore();
  private int runs;

  private static AuthingV3Directory v3(SandboxServer sandbox) {
    return new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET),
        "dirsync", Clock.systemUTC());
  }

  /** Looks the desired users up, plans against what it finds and the managed users, applies; returns the run id too. */
  private Run sync(AuthingV3Directory directory, DesiredState desired, RemovalAction action) {
    List<ExternalId> ids = desired.users().stream().map(DesiredUser::externalId).toList();
    List<DirectoryUser> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 50) {
      List<ExternalId> batch = ids.subList(i, Math.min(ids.size(), i + 50));
      found.addAll(retried(() -> directory.findByExternalIds(batch, true, NS)));
    }
    Set<RoleRef> roles = new HashSet<>(retried(() -> directory.listRoles(RoleRef.DEFAULT_NAMESPACE)));
    PlanInput input = new PlanInput(SyncHarness.JOB, SyncHarness.CLOCK.instant(), desired, found, state.managedUsers(SyncHarness.JOB),
        retried(directory::listDepartments), retried(directory::listGroups), roles, action);
    Plan plan = new Planner().plan(input);
    state.saveManaged(SyncHarness.JOB, new Planner().matchedUsers(input));
    String runId = state.startRun(SyncHarness.JOB, false, SyncHarness.CLOCK.instant());
    runs++;
    ApplyResult result = new Applier(directory, state, SyncHarness.fastSettings(4), SyncHarness.CLOCK)
        .apply(runId, SyncHarness.JOB, plan, input.knownDirectoryIds(), false, ApplyListener.NONE);
    return new Run(runId, result, plan);
  }

  private record Run(String id, ApplyResult result, Plan plan) {}

  /** The fault-injecting sandbox fails reads too: the test's own reads retry. */
  private static <T> T retried(java.util.function.Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (io.dirsync.directory.DirectoryException e) {
        if (!e.isTransient() || attempt == 30) throw e;
      }
    }
  }

  private static DesiredState changed(int users) {
    List<DesiredUser> list = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      DesiredUser u = Company.user(i);
      Map<String, Object> fields = new HashMap<>(u.fields());
      fields.put("name", "Renamed " + i);
      list.add(new DesiredUser(u.externalId(), u.sourceDn(), fields, u.policies(), Map.of("level", 10L + i), u.groups(), u.roles(),
          u.departments(), u.mainDepartment(), null));
    }
    return Company.of(list);
  }

  private static Map<String, DirectoryUser> all(AuthingV3Directory directory, int users) {
    Map<String, DirectoryUser> out = new HashMap<>();
    List<ExternalId> ids = Company.of(users).users().stream().map(DesiredUser::externalId).toList();
    for (int i = 0; i < ids.size(); i += 50) {
      int from = i;
      retried(() -> directory.findByExternalIds(ids.subList(from, Math.min(ids.size(), from + 50)), false, Set.of()))
          .forEach(u -> out.put(u.externalId().value(), u));
    }
    return out;
  }

  private static long calls(AuthingV3Directory directory, String route) {
    return directory.callCounts().getOrDefault(route, 0L);
  }

  @Test
  void updatesAndCustomDataOfFiftyUsersGoInOneCallWithAnOutcomePerOperation() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox)) {
      sync(directory, Company.of(120), RemovalAction.BLOCK);

      Run run = sync(directory, changed(120), RemovalAction.BLOCK);

      assertThat(run.result().failures()).isEmpty();
      assertThat(run.result().count(OperationKind.UPDATE_USER, OperationOutcome.APPLIED)).isEqualTo(120);
      assertThat(run.result().count(OperationKind.SET_CUSTOM_DATA, OperationOutcome.APPLIED)).isEqualTo(120);
      assertThat(calls(directory, "POST update-user-batch")).as("120 users, 50 a call").isEqualTo(3);
      assertThat(calls(directory, "POST update-user")).isZero();
      List<JournalEntry> journal = state.journalOf(run.id());
      assertThat(journal).filteredOn(e -> e.kind() == OperationKind.UPDATE_USER).hasSize(120)
          .allSatisfy(e -> assertThat(e.detail()).contains("batch of"));
      assertThat(journal).filteredOn(e -> e.kind() == OperationKind.SET_CUSTOM_DATA).hasSize(120);
      assertThat(all(directory, 120).values()).hasSize(120).allSatisfy(u -> {
        int i = Integer.parseInt(u.externalId().value().substring(1));
        assertThat(u.field("name")).isEqualTo("Renamed " + i);
        assertThat(u.customData()).containsEntry("level", 10L + i);
      });
      assertThat(sync(directory, changed(120), RemovalAction.BLOCK).plan().operations()).as("nothing left to change").isEmpty();
    }
  }

  @Test
  void blocksGoFiftyACallAndAUserDeletedByHandFailsOnlyItsOwnBlock() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox)) {
      sync(directory, Company.of(120), RemovalAction.BLOCK);
      Map<String, DirectoryUser> before = all(directory, 120);
      directory.deleteUser(before.get("e0070").id()); // gone by hand: its batch is refused, then repeated one by one
      long batchesBefore = calls(directory, "POST update-user-batch");

      Run run = sync(directory, Company.of(20), RemovalAction.BLOCK);

      assertThat(run.result().count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(99);
      assertThat(run.result().count(OperationKind.BLOCK_USER, OperationOutcome.SKIPPED)).as("e0070, forgotten").isEqualTo(1);
      assertThat(state.journalOf(run.id())).filteredOn(e -> e.kind() == OperationKind.BLOCK_USER).hasSize(100);
      assertThat(calls(directory, "POST update-user-batch") - batchesBefore).as("two batches, one refused").isEqualTo(2);
      assertThat(calls(directory, "POST update-user")).as("the refused batch's 50 users one by one").isEqualTo(50);
      Map<String, DirectoryUser> after = all(directory, 120);
      assertThat(after).hasSize(119);
      after.values().forEach(u -> assertThat(u.blocked()).as(u.externalId().value())
          .isEqualTo(Integer.parseInt(u.externalId().value().substring(1)) >= 20));
      assertThat(state.managedUsers(SyncHarness.JOB)).doesNotContainKey(ExternalId.of("e0070"))
          .allSatisfy((id, m) -> assertThat(m.removed()).isEqualTo(Integer.parseInt(id.value().substring(1)) >= 20));
    }
  }

  @Test
  void oneUserBlockedAloneGoesThroughTheBatchAndItsJournalClaimsNoLogout() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox)) {
      sync(directory, Company.of(5), RemovalAction.BLOCK);

      Run run = sync(directory, Company.of(4), RemovalAction.BLOCK);

      assertThat(run.result().count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(1);
      assertThat(calls(directory, "POST update-user-batch")).isEqualTo(1);
      assertThat(calls(directory, "POST update-user")).isZero();
      assertThat(state.journalOf(run.id())).filteredOn(e -> e.kind() == OperationKind.BLOCK_USER).singleElement()
          .satisfies(e -> assertThat(e.detail()).startsWith("blocked").doesNotContain("logged out"));
      assertThat(all(directory, 5).get("e0004").blocked()).isTrue();
    }
  }

  @Test
  void deletesGoFiftyACall() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox)) {
      sync(directory, Company.of(120), RemovalAction.DELETE);

      Run run = sync(directory, Company.of(20), RemovalAction.DELETE);

      assertThat(run.result().count(OperationKind.DELETE_USER, OperationOutcome.APPLIED)).isEqualTo(100);
      assertThat(state.journalOf(run.id())).filteredOn(e -> e.kind() == OperationKind.DELETE_USER).hasSize(100);
      assertThat(calls(directory, "POST delete-users-batch")).isEqualTo(2);
      assertThat(all(directory, 120)).hasSize(20);
      assertThat(state.managedUsers(SyncHarness.JOB)).hasSize(20);
    }
  }

  @Test
  void lostAnswersNeitherLoseNorDuplicateUpdatesOrBlocks() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withFailRate(0.25).withSeed(11));
         AuthingV3Directory directory = v3(sandbox)) {
      assertThat(sync(directory, Company.of(120), RemovalAction.BLOCK).result().failures()).isEmpty();

      Run updated = sync(directory, changed(120), RemovalAction.BLOCK);
      Run blocked = sync(directory, changed(60), RemovalAction.BLOCK);

      assertThat(updated.result().failures()).isEmpty();
      assertThat(updated.result().count(OperationKind.UPDATE_USER, OperationOutcome.APPLIED)).isEqualTo(120);
      assertThat(blocked.result().failures()).isEmpty();
      assertThat(blocked.result().count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(60);
      assertThat(calls(directory, "POST update-user-batch")).as("some batches were sent again").isGreaterThan(5);
      Map<String, DirectoryUser> after = all(directory, 120);
      assertThat(after).hasSize(120);
      after.values().forEach(u -> {
        int i = Integer.parseInt(u.externalId().value().substring(1));
        assertThat(u.field("name")).isEqualTo("Renamed " + i);
        assertThat(u.customData()).containsEntry("level", 10L + i);
        assertThat(u.blocked()).isEqualTo(i >= 60);
      });
    }
  }

  @Test
  void rolesAreCreatedTogether() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox)) {
      List<RoleRef> roles = List.of(Company.STAFF, new RoleRef("default", "reader"), new RoleRef("default", "writer"));
      DesiredState desired = new DesiredState(Company.of(4).users(), Company.of(4).departments(), List.of(), roles, List.of(), true, true);

      Run run = sync(directory, desired, RemovalAction.BLOCK);

      assertThat(run.result().count(OperationKind.CREATE_ROLE, OperationOutcome.APPLIED)).isEqualTo(3);
      assertThat(state.journalOf(run.id())).filteredOn(e -> e.kind() == OperationKind.CREATE_ROLE).hasSize(3);
      assertThat(calls(directory, "POST create-roles-batch")).isEqualTo(1);
      assertThat(directory.listRoles("default")).containsAll(roles);
    }
  }
}
