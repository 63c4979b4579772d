package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.authingv3.AuthingV3Directory;
import io.dirsync.directory.authingv3.V3Config;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Creates go in batches for a directory that has a batch create, with an outcome per user, and survive lost answers. */
class BatchCreatesTest {
  private static final Set<String> NS = Set.of(RoleRef.DEFAULT_NAMESPACE, "app");

  private static AuthingV3Directory v3(SandboxServer sandbox) {
    return new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET),
        "dirsync", Clock.systemUTC());
  }

  private static ApplyResult sync(AuthingV3Directory directory, MemoryStateStore state, DesiredState desired) {
    Planner planner = new Planner();
    PlanInput input = new PlanInput(SyncHarness.JOB, SyncHarness.CLOCK.instant(), desired, List.of(), Map.of(),
        directory.listDepartments(), directory.listGroups(), Set.of(), RemovalAction.BLOCK);
    Plan plan = planner.plan(input);
    String runId = state.startRun(SyncHarness.JOB, false, SyncHarness.CLOCK.instant());
    return new Applier(directory, state, SyncHarness.fastSettings(4), SyncHarness.CLOCK)
        .apply(runId, SyncHarness.JOB, plan, input.knownDirectoryIds(), false, ApplyListener.NONE);
  }

  private static List<DirectoryUser> all(AuthingV3Directory directory, DesiredState desired) {
    List<ExternalId> ids = desired.users().stream().map(DesiredUser::externalId).toList();
    List<DirectoryUser> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 50) {
      List<ExternalId> batch = ids.subList(i, Math.min(ids.size(), i + 50));
      for (int attempt = 1; ; attempt++) {
        try {
          found.addAll(directory.findByExternalIds(batch, true, NS));
          break;
        } catch (io.dirsync.directory.DirectoryException e) {
          if (!e.isTransient() || attempt == 20) throw e; // the fault-injecting sandbox fails reads too
        }
      }
    }
    return found;
  }

  @Test
  void usersAreCreatedFiftyACallWithTheirDepartmentsAndNoDepartmentCallsFollow() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox)) {
      MemoryStateStore state = new MemoryStateStore();
      DesiredState desired = Company.of(120);

      ApplyResult result = sync(directory, state, desired);

      assertThat(result.failures()).isEmpty();
      assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(120);
      assertThat(directory.callCounts().get("POST create-users-batch")).isEqualTo(3);
      assertThat(directory.callCounts().get("POST create-groups-batch")).as("groups created together").isEqualTo(1);
      assertThat(directory.callCounts()).doesNotContainKeys("POST create-user", "POST set-user-departments", "POST add-department-members");
      assertThat(state.managedUsers(SyncHarness.JOB)).hasSize(120);
      assertThat(state.journalOf("run-1")).filteredOn(e -> e.kind() == OperationKind.CREATE_USER).hasSize(120);
      Map<String, DesiredUser> byId = new java.util.HashMap<>();
      desired.users().forEach(u -> byId.put(u.externalId().value(), u));
      assertThat(all(directory, desired)).hasSize(120).allSatisfy(u -> {
        DesiredUser want = byId.get(u.externalId().value());
        assertThat(u.departments()).isEqualTo(want.departments());
        assertThat(u.mainDepartment()).isEqualTo(want.mainDepartment());
        assertThat(u.groups()).isEqualTo(want.groups());
        assertThat(u.customData()).containsAllEntriesOf(want.customData());
      });
    }
  }

  @Test
  void batchesWhoseAnswersAreLostAreLookedUpBeforeTheyAreRepeated() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withFailRate(0.25).withSeed(7));
         AuthingV3Directory directory = v3(sandbox)) {
      MemoryStateStore state = new MemoryStateStore();
      DesiredState desired = Company.of(150);

      ApplyResult result = sync(directory, state, desired);

      assertThat(result.failures()).isEmpty();
      assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(150);
      assertThat(directory.callCounts().get("POST create-users-batch")).isGreaterThanOrEqualTo(3);
      List<DirectoryUser> found = all(directory, desired);
      assertThat(found).hasSize(150);
      assertThat(found.stream().map(DirectoryUser::externalId).distinct()).hasSize(150);
      assertThat(sandbox.stats().calls("GET /api/v3/get-user-batch")).isPositive();
    }
  }
}
