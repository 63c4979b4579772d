package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.authingv3.AuthingV3Directory;
import io.dirsync.directory.authingv3.V3Config;
import io.dirsync.model.DesiredDepartment;
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
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Department moves against a directory that moves a user in one call (v3's set-user-departments):
 * each user whose main department changes is moved in that one call, carrying the departments it
 * joins and leaves; the department member operations leave it out; its other departments stay.
 */
class UserMovesTest {
  private static final Set<String> NS = Set.of(RoleRef.DEFAULT_NAMESPACE);
  private static final List<DesiredDepartment> DEPARTMENTS = List.of(new DesiredDepartment("hq", "Head office", null, "ou=hq"),
      new DesiredDepartment("rnd", "R&D", "hq", "ou=rnd"), new DesiredDepartment("sales", "Sales", "hq", "ou=sales"));

  private final MemoryStateStore state = new MemoryStateStore();

  private static AuthingV3Directory v3(SandboxServer sandbox, String orgCode) {
    return new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET),
        orgCode, Clock.systemUTC());
  }

  /** Users e0..e(n-1): even ones in rnd, odd ones in sales (main), e2 in hq as well; the first {@code moved} swap. */
  private static DesiredState company(int users, int moved) {
    List<DesiredUser> list = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      boolean rnd = (i % 2 == 0) != (i < moved);
      String main = rnd ? "rnd" : "sales";
      TreeSet<String> in = new TreeSet<>(Set.of(main));
      if (i == 2) in.add("hq");
      list.add(new DesiredUser(ExternalId.of("e" + i), "uid=u" + i, Map.of("username", "u" + i), Map.of(), Map.of(),
          new TreeSet<>(), new TreeSet<>(), in, main, null));
    }
    return new DesiredState(list, DEPARTMENTS, List.of(), List.of(), List.of(), true, true);
  }

  private record Run(String id, ApplyResult result, Plan plan) {}

  /** Looks the desired users up (with memberships), plans, applies. */
  private Run sync(AuthingV3Directory directory, DesiredState desired) {
    List<ExternalId> ids = desired.users().stream().map(DesiredUser::externalId).toList();
    List<DirectoryUser> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 50) {
      List<ExternalId> batch = ids.subList(i, Math.min(ids.size(), i + 50));
      found.addAll(retried(() -> directory.findByExternalIds(batch, true, NS)));
    }
    PlanInput input = new PlanInput(SyncHarness.JOB, SyncHarness.CLOCK.instant(), desired, found, state.managedUsers(SyncHarness.JOB),
        retried(directory::listDepartments), retried(directory::listGroups), new HashSet<>(), RemovalAction.BLOCK);
    Plan plan = new Planner().plan(input);
    state.saveManaged(SyncHarness.JOB, new Planner().matchedUsers(input));
    String runId = state.startRun(SyncHarness.JOB, false, SyncHarness.CLOCK.instant());
    ApplyResult result = new Applier(directory, state, SyncHarness.fastSettings(4), SyncHarness.CLOCK)
        .apply(runId, SyncHarness.JOB, plan, input.knownDirectoryIds(), false, ApplyListener.NONE);
    return new Run(runId, result, plan);
  }

  /** The fault-injecting sandbox fails reads too: the test's own reads retry. */
  private static <T> T retried(Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (DirectoryException e) {
        if (!e.isTransient() || attempt == 30) throw e;
      }
    }
  }

  private static Map<String, DirectoryUser> all(AuthingV3Directory directory, int users) {
    Map<String, DirectoryUser> out = new HashMap<>();
    for (int i = 0; i < users; i++) {
      ExternalId id = ExternalId.of("e" + i);
      out.put(id.value(), retried(() -> directory.findByExternalId(id, NS)).orElseThrow());
    }
    return out;
  }

  private static long calls(AuthingV3Directory directory, String route, Map<String, Long> before) {
    return directory.callCounts().getOrDefault(route, 0L) - before.getOrDefault(route, 0L);
  }

  @Test
  void eachMoveIsOneSetUserDepartmentsAndTheUserKeepsItsOtherDepartments() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()); AuthingV3Directory directory = v3(sandbox, "dirsync")) {
      assertThat(sync(directory, company(10, 0)).result().failures()).isEmpty();
      String e1 = all(directory, 10).get("e1").id();
      try (AuthingV3Directory other = v3(sandbox, "other")) {
        other.createDepartment("x", "Elsewhere", null);
        other.addDepartmentMembers("x", List.of(e1));
      }
      Map<String, Long> before = Map.copyOf(directory.callCounts());

      Run run = sync(directory, company(10, 4));

      assertThat(run.result().failures()).isEmpty();
      assertThat(run.result().count(OperationKind.SET_MAIN_DEPARTMENT, OperationOutcome.APPLIED)).isEqualTo(4);
      assertThat(calls(directory, "POST set-user-departments", before)).as("one call per moved user").isEqualTo(4);
      assertThat(calls(directory, "POST add-department-members", before)).isZero();
      assertThat(calls(directory, "POST remove-department-members", before)).isZero();
      assertThat(calls(directory, "GET get-user-departments", before)).isZero();
      List<JournalEntry> journal = state.journalOf(run.id());
      assertThat(journal).filteredOn(e -> e.kind() == OperationKind.ADD_TO_DEPARTMENT || e.kind() == OperationKind.REMOVE_FROM_DEPARTMENT)
          .isNotEmpty().allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(OperationOutcome.APPLIED);
            assertThat(e.detail()).contains("with their main department");
          });
      Map<String, DirectoryUser> after = all(directory, 10);
      for (int i = 0; i < 10; i++) {
        String main = ((i % 2 == 0) != (i < 4)) ? "rnd" : "sales";
        DirectoryUser u = after.get("e" + i);
        assertThat(u.mainDepartment()).as("e" + i).isEqualTo(main);
        assertThat(u.departments()).as("e" + i).containsExactlyElementsOf(i == 2 ? new TreeSet<>(Set.of("hq", main)) : Set.of(main));
      }
      try (AuthingV3Directory other = v3(sandbox, "other")) {
        assertThat(other.readMemberships(List.of(), List.of(), List.of("x")).departmentMembers().get("x"))
            .as("e1 keeps its department in another organization").containsExactly(e1);
      }
      assertThat(sync(directory, company(10, 4)).plan().operations()).as("nothing left to change").isEmpty();
    }
  }

  @Test
  void lostAnswersNeitherLoseNorMisplaceMoves() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withFailRate(0.25).withSeed(7));
         AuthingV3Directory directory = v3(sandbox, "dirsync")) {
      assertThat(sync(directory, company(30, 0)).result().failures()).isEmpty();

      Run run = sync(directory, company(30, 20));

      assertThat(run.result().failures()).isEmpty();
      Map<String, DirectoryUser> after = all(directory, 30);
      for (int i = 0; i < 30; i++) {
        String main = ((i % 2 == 0) != (i < 20)) ? "rnd" : "sales";
        assertThat(after.get("e" + i).mainDepartment()).as("e" + i).isEqualTo(main);
        assertThat(after.get("e" + i).departments()).as("e" + i).containsExactlyElementsOf(i == 2 ? new TreeSet<>(Set.of("hq", main)) : Set.of(main));
      }
    }
  }
}
