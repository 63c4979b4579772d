package io.dirsync.directory.authingv3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.CreateResult;
import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.UserUpdate;
import io.dirsync.directory.authing.AuthingConfig;
import io.dirsync.directory.authing.AuthingDirectory;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the v3 adapter adds to the contract: batch creates, member listings, errors, one pool through both APIs. */
class AuthingV3DirectoryTest {
  private static SandboxServer sandbox;
  private static final Set<String> NS = Set.of(RoleRef.DEFAULT_NAMESPACE);

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

  private static AuthingV3Directory directory(String secret) {
    return new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, secret), "dirsync", Clock.systemUTC());
  }

  private static DesiredUser user(String ext, String name, String main, String... departments) {
    TreeSet<String> depts = new TreeSet<>(List.of(departments));
    return new DesiredUser(ExternalId.of(ext), null, Map.of("username", name, "email", name + "@example.com"), Map.of(),
        Map.of("title", "Engineer " + name, "level", 3L), null, null, depts, main, null);
  }

  @Test
  void oneBatchCallCreatesUsersWithCustomDataDepartmentsAndTheMainDepartment() {
    try (AuthingV3Directory d = directory(SandboxOptions.DEFAULT_SECRET)) {
      d.createDepartment("eng", "Engineering", null);
      d.createDepartment("ops", "Operations", null);
      long before = d.callCounts().getOrDefault("POST create-users-batch", 0L);

      List<CreateResult> results = d.createUsers(List.of(user("e-1", "alice", "ops", "eng", "ops"), user("e-2", "bob", "eng", "eng")));

      assertThat(results).allSatisfy(r -> assertThat(r.failure()).isNull());
      assertThat(d.callCounts().get("POST create-users-batch") - before).isEqualTo(1);
      DirectoryUser alice = d.findByExternalId(ExternalId.of("e-1"), NS).orElseThrow();
      assertThat(alice.departments()).containsExactly("eng", "ops");
      assertThat(alice.mainDepartment()).isEqualTo("ops");
      assertThat(alice.customData()).containsEntry("title", "Engineer alice").containsEntry("level", 3L);
    }
  }

  @Test
  void aDuplicateInABatchFailsOnlyThatUserAndKeptPasswordsGoInTheirOwnCall() {
    try (AuthingV3Directory d = directory(SandboxOptions.DEFAULT_SECRET)) {
      d.createUser(user("e-1", "alice", null));
      DesiredUser migrated = new DesiredUser(ExternalId.of("e-3"), null, Map.of("username", "carol"), Map.of(), Map.of(),
          null, null, null, null, new ImportedPassword("$2a$10$hash", true));

      List<CreateResult> results = d.createUsers(List.of(user("e-1", "alice", null), user("e-2", "bob", null), migrated));

      assertThat(results.get(0).failure()).isNotNull().satisfies(e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT));
      assertThat(results.get(1).failure()).as("bob").isNull();
      assertThat(results.get(1).created().externalId()).isEqualTo(ExternalId.of("e-2"));
      assertThat(results.get(2).failure()).as("carol").isNull();
      assertThat(results.get(2).created().externalId()).isEqualTo(ExternalId.of("e-3"));
      assertThat(d.findByExternalIds(List.of(ExternalId.of("e-2"), ExternalId.of("e-3")), false, Set.of())).hasSize(2);
    }
  }

  @Test
  void memberListingsGiveTheMembershipIndexAndDeletesRemoveGroupsAndDepartments() {
    try (AuthingV3Directory d = directory(SandboxOptions.DEFAULT_SECRET)) {
      d.createDepartment("eng", "Engineering", null);
      String alice = d.createUsers(List.of(user("e-1", "alice", "eng", "eng"))).get(0).created().id();
      d.createGroup("staff", "Staff");
      RoleRef reader = new RoleRef("default", "reader");
      d.createRole(reader);
      d.addGroupMembers("staff", List.of(alice));
      d.assignRole(reader, List.of(alice));

      MembershipIndex index = d.readMemberships(List.of("staff"), List.of(reader), List.of("eng"));

      assertThat(index.groupMembers()).containsEntry("staff", Set.of(alice));
      assertThat(index.roleMembers()).containsEntry(reader, Set.of(alice));
      assertThat(index.departmentMembers()).containsEntry("eng", Set.of(alice));
      d.deleteGroup("staff");
      d.deleteGroup("staff");
      d.deleteDepartment("eng");
      d.deleteDepartment("eng");
      assertThat(d.listGroups()).isEmpty();
      assertThat(d.listDepartments()).isEmpty();
    }
  }

  @Test
  void oneUpdateUserBatchSetsFieldsCustomDataAndBlocksForManyUsers() {
    try (AuthingV3Directory d = directory(SandboxOptions.DEFAULT_SECRET)) {
      List<CreateResult> made = d.createUsers(List.of(user("e-1", "alice", null), user("e-2", "bob", null), user("e-3", "carol", null)));
      String alice = made.get(0).created().id(), bob = made.get(1).created().id(), carol = made.get(2).created().id();
      java.util.HashMap<String, Object> cleared = new java.util.HashMap<>();
      cleared.put("nickname", null);
      cleared.put("name", "Carol C");

      d.updateUsers(List.of(
          new UserUpdate(alice, Map.of("name", "Alice A"), Map.of("title", "Lead", "since", 2020L), false),
          new UserUpdate(bob, Map.of(), Map.of(), true),
          new UserUpdate(carol, cleared, Map.of(), false)));

      assertThat(d.callCounts().get("POST update-user-batch")).isEqualTo(1);
      assertThat(d.callCounts()).doesNotContainKey("POST update-user");
      Map<String, DirectoryUser> found = new java.util.HashMap<>();
      d.findByExternalIds(List.of(ExternalId.of("e-1"), ExternalId.of("e-2"), ExternalId.of("e-3")), false, Set.of())
          .forEach(u -> found.put(u.externalId().value(), u));
      assertThat(found.get("e-1").field("name")).isEqualTo("Alice A");
      assertThat(found.get("e-1").customData()).containsEntry("title", "Lead").containsEntry("since", 2020L).containsEntry("level", 3L);
      assertThat(found.get("e-1").blocked()).isFalse();
      assertThat(found.get("e-2").blocked()).isTrue();
      assertThat(found.get("e-3").field("name")).isEqualTo("Carol C");
    }
  }

  @Test
  void anUpdateBatchWithOneUnknownUserIsRefusedWholeAndChangesNobody() {
    try (AuthingV3Directory d = directory(SandboxOptions.DEFAULT_SECRET)) {
      String alice = d.createUsers(List.of(user("e-1", "alice", null))).get(0).created().id();

      assertThatThrownBy(() -> d.updateUsers(List.of(new UserUpdate(alice, Map.of("name", "Changed"), Map.of(), false),
          new UserUpdate("no-such-user", Map.of("name", "X"), Map.of(), false))))
          .isInstanceOf(DirectoryException.class)
          .satisfies(e -> assertThat(((DirectoryException) e).kind()).isEqualTo(DirectoryException.Kind.PERMANENT))
          .hasMessageContaining("list[1]");
      assertThat(d.findByExternalId(ExternalId.of("e-1"), NS).orElseThrow().field("name")).isNull();
      assertThatThrownBy(() -> d.updateUsers(java.util.Collections.nCopies(51, new UserUpdate(alice, Map.of(), Map.of(), true))))
          .isInstanceOf(DirectoryException.class).hasMessageContaining("at most 50");
    }
  }

  @Test
  void usersAreDeletedAndRolesCreatedInOneCallEach() {
    try (AuthingV3Directory d = directory(SandboxOptions.DEFAULT_SECRET)) {
      List<CreateResult> made = d.createUsers(List.of(user("e-1", "alice", null), user("e-2", "bob", null), user("e-3", "carol", null)));

      d.deleteUsers(List.of(made.get(0).created().id(), made.get(1).created().id(), "already-gone"));
      d.createRoles(List.of(new RoleRef("default", "reader"), new RoleRef("default", "writer"), new RoleRef("app", "admin")));

      assertThat(d.callCounts().get("POST delete-users-batch")).isEqualTo(1);
      assertThat(d.findByExternalIds(List.of(ExternalId.of("e-1"), ExternalId.of("e-2"), ExternalId.of("e-3")), false, Set.of()))
          .extracting(u -> u.externalId().value()).containsExactly("e-3");
      assertThat(d.callCounts().get("POST create-roles-batch")).isEqualTo(1);
      assertThat(d.listRoles("default")).contains(new RoleRef("default", "reader"), new RoleRef("default", "writer"));
      assertThat(d.listRoles("app")).containsExactly(new RoleRef("app", "admin"));
    }
  }

  @Test
  void aWrongSecretIsRefusedAsFatal() {
    try (AuthingV3Directory d = directory("not-the-secret")) {
      assertThatThrownBy(d::checkAccess).isInstanceOf(DirectoryException.class)
          .satisfies(e -> assertThat(((DirectoryException) e).kind()).isEqualTo(DirectoryException.Kind.FATAL))
          .hasMessageContaining("401")
          .hasMessageNotContaining("not-the-secret");
    }
  }

  @Test
  void aBodyLevelThrottleIsTransient() {
    try (SandboxServer throttling = SandboxServer.start(SandboxOptions.defaults().withThrottleRate(1.0));
         AuthingV3Directory d = new AuthingV3Directory(V3Config.of(throttling.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID,
             SandboxOptions.DEFAULT_SECRET), "dirsync", Clock.systemUTC())) {
      assertThatThrownBy(d::checkAccess).isInstanceOf(DirectoryException.class)
          .satisfies(e -> assertThat(((DirectoryException) e).kind()).isEqualTo(DirectoryException.Kind.TRANSIENT))
          .hasMessageContaining("statusCode 429");
    }
  }

  @Test
  void onePoolIsSeenThroughBothApis() {
    try (AuthingDirectory v2 = AuthingDirectory.create(AuthingConfig.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID,
        SandboxOptions.DEFAULT_SECRET), "dirsync", Clock.systemUTC());
         AuthingV3Directory v3 = directory(SandboxOptions.DEFAULT_SECRET)) {
      v2.createDepartment("eng", "Engineering", null);
      String id = v2.createUser(user("e-1", "alice", null)).id();
      v2.addDepartmentMembers("eng", List.of(id));
      v2.setMainDepartment(id, "eng");
      v3.blockUser(id);

      DirectoryUser seen = v3.findByExternalId(ExternalId.of("e-1"), NS).orElseThrow();
      assertThat(seen.id()).isEqualTo(id);
      assertThat(seen.mainDepartment()).isEqualTo("eng");
      assertThat(v2.findByExternalId(ExternalId.of("e-1"), NS).orElseThrow().blocked()).isTrue();
    }
  }
}
