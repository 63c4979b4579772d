package io.dirsync.directory.authingv3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moving users between departments over v3, as a sync run does it: look-ups and the member
 * listings first, then the plan's member writes (merged by department) and one main-department
 * change per user. Calls are counted by route.
 */
class AuthingV3DepartmentMovesTest {
  private static final Set<String> NS = Set.of(RoleRef.DEFAULT_NAMESPACE);
  private static SandboxServer sandbox;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.defaults());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    sandbox.reset();
  }

  private static AuthingV3Directory directory(String orgCode) {
    return new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET),
        orgCode, Clock.systemUTC());
  }

  private static DesiredUser user(String ext, String main, String... departments) {
    return new DesiredUser(ExternalId.of(ext), null, Map.of("username", ext), Map.of(), Map.of(), null, null,
        new TreeSet<>(List.of(departments)), main, null);
  }

  /** Creates the users (first department listed is the main one) and returns their ids by externalId. */
  private static Map<String, String> seed(List<DesiredUser> users) {
    Map<String, String> ids = new HashMap<>();
    try (AuthingV3Directory setUp = directory("dirsync")) {
      for (String code : List.of("a", "b", "c")) setUp.createDepartment(code, code.toUpperCase(), null);
      setUp.createUsers(users).forEach(r -> ids.put(r.user().externalId().value(), r.created().id()));
    }
    return ids;
  }

  /** What a run reads before applying: departments, the look-ups, the member listings. */
  private static MembershipIndex readLikeARun(AuthingV3Directory d, List<String> externalIds) {
    d.listDepartments();
    d.findByExternalIds(externalIds.stream().map(ExternalId::of).toList(), false, NS);
    return d.readMemberships(List.of(), List.of(), List.of("a", "b", "c"));
  }

  private static long calls(AuthingV3Directory d, String route, Map<String, Long> before) {
    return d.callCounts().getOrDefault(route, 0L) - before.getOrDefault(route, 0L);
  }

  @Test
  void movingLookedUpUsersCostsOneCallPerDepartmentAndOneSetUserDepartmentsPerUserWithoutReads() {
    Map<String, String> ids = seed(List.of(user("u1", "a", "a"), user("u2", "a", "a"), user("u3", "a", "a"), user("u4", "a", "a", "c")));
    String u1 = ids.get("u1");
    try (AuthingV3Directory other = directory("other")) {
      other.createDepartment("x", "Elsewhere", null);
      other.addDepartmentMembers("x", List.of(u1));
    }
    try (AuthingV3Directory d = directory("dirsync")) {
      readLikeARun(d, List.of("u1", "u2", "u3", "u4"));
      Map<String, Long> before = Map.copyOf(d.callCounts());

      List<String> movers = List.of(ids.get("u1"), ids.get("u2"), ids.get("u3"), ids.get("u4"));
      d.addDepartmentMembers("b", movers);
      d.removeDepartmentMembers("a", movers);
      movers.forEach(id -> d.setMainDepartment(id, "b"));

      assertThat(calls(d, "POST add-department-members", before)).isEqualTo(1);
      assertThat(calls(d, "POST remove-department-members", before)).isEqualTo(1);
      assertThat(calls(d, "POST set-user-departments", before)).isEqualTo(4);
      assertThat(calls(d, "GET get-user-departments", before)).as("no read per moved user").isZero();
      assertThat(d.callCounts().values().stream().mapToLong(Long::longValue).sum()
          - before.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
    }
    try (AuthingV3Directory after = directory("dirsync"); AuthingV3Directory other = directory("other")) {
      for (String ext : List.of("u1", "u2", "u3")) {
        DirectoryUser u = after.findByExternalId(ExternalId.of(ext), NS).orElseThrow();
        assertThat(u.departments()).as(ext).containsExactly("b");
        assertThat(u.mainDepartment()).as(ext).isEqualTo("b");
      }
      DirectoryUser u4 = after.findByExternalId(ExternalId.of("u4"), NS).orElseThrow();
      assertThat(u4.departments()).as("u4 keeps c").containsExactly("b", "c");
      assertThat(u4.mainDepartment()).isEqualTo("b");
      assertThat(other.readMemberships(List.of(), List.of(), List.of("x")).departmentMembers().get("x"))
          .as("u1 keeps its department in another organization").containsExactly(u1);
    }
  }

  @Test
  void theMainDepartmentOfAUserInSeveralDepartmentsComesFromTheLookUp() {
    Map<String, String> ids = seed(List.of(user("u1", "c", "a", "c"), user("u2", "b", "b")));
    try (AuthingV3Directory d = directory("dirsync")) {
      MembershipIndex index = readLikeARun(d, List.of("u1", "u2"));

      assertThat(index.mainDepartments()).containsEntry(ids.get("u1"), "c").containsEntry(ids.get("u2"), "b");
      assertThat(d.callCounts()).doesNotContainKey("GET get-user-departments");
    }
  }

  @Test
  void aUserNoLookUpToldIsReadBeforeItsSetIsReplaced() {
    Map<String, String> ids = seed(List.of(user("u1", "a", "a", "c")));
    try (AuthingV3Directory d = directory("dirsync")) {
      d.listDepartments();

      d.setMainDepartment(ids.get("u1"), "b");

      assertThat(d.callCounts().get("GET get-user-departments")).isEqualTo(1);
      DirectoryUser u1 = d.findByExternalId(ExternalId.of("u1"), NS).orElseThrow();
      assertThat(u1.departments()).containsExactly("a", "b", "c");
      assertThat(u1.mainDepartment()).isEqualTo("b");
    }
  }

  @Test
  void aFailedMemberWriteMakesTheNextMainDepartmentChangeReadTheSetAgain() {
    Map<String, String> ids = seed(List.of(user("u1", "a", "a", "c")));
    try (AuthingV3Directory d = directory("dirsync")) {
      readLikeARun(d, List.of("u1"));

      assertThatThrownBy(() -> d.removeDepartmentMembers("no-such-department", List.of(ids.get("u1"))))
          .isInstanceOf(DirectoryException.class);
      d.removeDepartmentMembers("a", List.of(ids.get("u1")));
      d.setMainDepartment(ids.get("u1"), "c");

      assertThat(d.callCounts().get("GET get-user-departments")).isEqualTo(1);
      DirectoryUser u1 = d.findByExternalId(ExternalId.of("u1"), NS).orElseThrow();
      assertThat(u1.departments()).containsExactly("c");
      assertThat(u1.mainDepartment()).isEqualTo("c");
    }
  }
}
