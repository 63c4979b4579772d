package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Authing adapter adds to the contract: call economy, Authing-specific mappings. */
class AuthingDirectoryTest extends SandboxTestBase {
  private AuthingDirectory directory;

  @BeforeEach
  void newDirectory() {
    directory = new AuthingDirectory(newClient(java.time.Clock.systemUTC()), "dirsync");
  }

  @AfterEach
  void closeDirectory() {
    directory.close();
  }

  private String create(String externalId) {
    return directory.createUser(DesiredUser.of(ExternalId.of(externalId), Map.of("username", "u-" + externalId))).id();
  }

  @Test
  void looking170UsersUpCostsOneUsersBatchCallPer80Users() {
    List<ExternalId> ids = new ArrayList<>();
    IntStream.range(0, 170).forEach(i -> {
      create("e" + i);
      ids.add(ExternalId.of("e" + i));
    });
    sandbox.resetStats();

    List<DirectoryUser> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += Directory.MAX_LOOKUP_BATCH) {
      found.addAll(directory.findByExternalIds(ids.subList(i, Math.min(ids.size(), i + 80)), false, Set.of("default")));
    }

    assertThat(found).hasSize(170);
    assertThat(sandbox.stats().calls()).containsExactly(Map.entry("POST /api/v2/users/batch", 3L));
  }

  @Test
  void membershipsAreReadFromMemberListingsAtOneCallPerHundredMembersAndMainDepartmentsOnlyWhereAmbiguous() {
    List<String> users = IntStream.range(0, 150).mapToObj(i -> create("m" + i)).toList();
    directory.createGroup("big", "Big");
    directory.addGroupMembers("big", users);
    directory.createRole(new RoleRef("default", "reader"));
    directory.assignRole(new RoleRef("default", "reader"), users.subList(0, 10));
    directory.createDepartment("eng", "Engineering", null);
    directory.createDepartment("ops", "Operations", null);
    directory.addDepartmentMembers("eng", users.subList(0, 120));
    directory.addDepartmentMembers("ops", users.subList(100, 102));
    directory.setMainDepartment(users.get(100), "ops");
    directory.setMainDepartment(users.get(101), "eng");
    Org other = client.org().create("Other", "other", null);
    Node foreign = client.org().addNode(other.id(), null, "Foreign", "foreign", null);
    client.org().addMembers(foreign.id(), users.subList(0, 1));
    sandbox.resetStats();

    var index = directory.readMemberships(List.of("big", "missing"), List.of(new RoleRef("default", "reader")), List.of("eng", "ops"));

    assertThat(index.groupMembers().get("big")).containsExactlyInAnyOrderElementsOf(users);
    assertThat(index.groupMembers().get("missing")).isEmpty();
    assertThat(index.roleMembers().get(new RoleRef("default", "reader"))).containsExactlyInAnyOrderElementsOf(users.subList(0, 10));
    assertThat(index.departmentMembers().get("eng")).hasSize(120);
    assertThat(index.mainDepartments()).containsOnly(Map.entry(users.get(100), "ops"), Map.entry(users.get(101), "eng"));
    // big: 2 pages, missing: 1, reader: 1, eng: 2, ops: 1; then 2 users in two departments
    assertThat(sandbox.stats().calls()).containsOnly(Map.entry("group", 3L), Map.entry("role", 1L), Map.entry("nodeById", 3L),
        Map.entry("user", 2L));
  }

  @Test
  void aSingleLookUpWithMembershipsReadsThemPerUserInTheManagedOrgOnly() {
    String a = create("e1");
    Org other = client.org().create("Other", "other", null);
    Node foreign = client.org().addNode(other.id(), null, "Engineering", "eng", null);
    client.org().addMembers(foreign.id(), List.of(a));
    directory.createDepartment("eng", "Engineering", null);
    directory.addDepartmentMembers("eng", List.of(a));
    directory.setMainDepartment(a, "eng");
    directory.createGroup("g", "G");
    directory.addGroupMembers("g", List.of(a));
    sandbox.resetStats();

    DirectoryUser u = directory.findByExternalId(ExternalId.of("e1"), Set.of("default")).orElseThrow();

    assertThat(u.departments()).containsExactly("eng");
    assertThat(u.mainDepartment()).isEqualTo("eng");
    assertThat(u.groups()).containsExactly("g");
    assertThat(sandbox.stats().calls()).containsOnly(Map.entry("POST /api/v2/users/batch", 1L), Map.entry("user", 3L));
  }

  @Test
  void createSetsCityAndProvinceWithAFollowUpUpdateAndKeepsAPasswordHash() {
    DesiredUser desired = new DesiredUser(ExternalId.of("e1"), null,
        Map.of("username", "alice", "email", "Alice@Example.com", "city", "Lyon", "province", "Rhône", "loginsCount", 3L,
            "signedUp", "2020-01-02T03:04:05+00:00"),
        Map.of(), Map.of(), null, null, null, null, new ImportedPassword("$2a$10$abcdefghijklmnopqrstuv", true));

    DirectoryUser created = directory.createUser(desired);

    assertThat(created.field("city")).isEqualTo("Lyon");
    assertThat(created.field("province")).isEqualTo("Rhône");
    assertThat(created.externalId()).isEqualTo(ExternalId.of("e1"));
    assertThat(sandbox.stats().calls("createUser")).isEqualTo(1);
    assertThat(sandbox.stats().calls("updateUser")).isEqualTo(1);
    DirectoryUser found = directory.findByExternalId(ExternalId.of("e1"), Set.of()).orElseThrow();
    assertThat(found.field("email")).isEqualTo("alice@example.com");
    assertThat(found.field("loginsCount")).isEqualTo(3L);
    assertThat(found.fields()).doesNotContainKeys("password", "externalId");
  }

  @Test
  void aFieldAuthingDoesNotHaveIsRefusedBeforeAnyCall() {
    sandbox.resetStats();
    assertThatThrownBy(() -> directory.createUser(DesiredUser.of(ExternalId.of("e1"), Map.of("username", "a", "shoeSize", "42"))))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains("shoeSize").contains("e1");
        });
    assertThatThrownBy(() -> directory.updateUser("some-id", Map.of("signedUp", "2020-01-01T00:00:00Z")))
        .isInstanceOf(DirectoryException.class);
    assertThat(sandbox.stats().total()).isZero();
  }

  @Test
  void customDataKeysAreDefinedOnceWithTheTypeOfTheirFirstValue() {
    String a = create("e1");
    String b = create("e2");

    directory.setCustomData(a, Map.of("school", "MIT", "age", 42L, "vip", true, "ratio", 0.5));
    directory.setCustomData(b, Map.of("age", 7L));

    assertThat(client.udf().list("USER")).extracting(UdfDefinition::key, UdfDefinition::dataType).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("school", "STRING"), org.assertj.core.groups.Tuple.tuple("age", "NUMBER"),
        org.assertj.core.groups.Tuple.tuple("vip", "BOOLEAN"), org.assertj.core.groups.Tuple.tuple("ratio", "NUMBER"));
    assertThat(directory.callCounts()).containsEntry("udf", 1L).containsEntry("setUdf", 4L).containsEntry("setUdvBatch", 2L);
    assertThat(directory.findByExternalId(ExternalId.of("e1"), Set.of()).orElseThrow().customData()).containsEntry("ratio", 0.5);
  }

  @Test
  void blockingEndsTheSessions() {
    String a = create("e1");
    client.users().refreshToken(a);

    directory.blockUser(a);

    assertThat(client.users().checkLoginStatus(a, null, null).isLogin()).isFalse();
    assertThat(sandbox.stats().calls("POST /api/v2/users/kick")).isEqualTo(1);
  }

  @Test
  void listingDepartmentsOfAMissingOrgCreatesNothing() {
    assertThat(directory.listDepartments()).isEmpty();
    assertThat(directory.findByExternalIds(List.of(ExternalId.of("x")), true, Set.of())).isEmpty();
    assertThat(sandbox.stats().calls("createOrg")).isZero();
    assertThat(client.org().list(1, 10).totalCount()).isZero();
  }

  @Test
  void anExistingOrgIsFoundByItsCodeAndItsDepartmentsListed() {
    Org existing = client.org().create("Corp", "dirsync", null);
    Node eng = client.org().addNode(existing.id(), null, "Engineering", "eng", null);
    client.org().addNode(existing.id(), eng.id(), "Web", "web", null);

    assertThat(directory.listDepartments())
        .extracting(d -> d.code() + "<" + d.parentCode()).containsExactlyInAnyOrder("eng<null", "web<eng");
    sandbox.resetStats();
    directory.createDepartment("ops", "Operations", "eng");
    assertThat(sandbox.stats().calls()).containsOnlyKeys("addNodeV2"); // org and parent ids came from the cache
  }

  @Test
  void anUnknownDepartmentIsAPermanentFailure() {
    directory.createDepartment("eng", "Engineering", null);
    assertThatThrownBy(() -> directory.addDepartmentMembers("nope", List.of("u1")))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains("nope").contains("dirsync");
        });
  }

  @Test
  void aRoleInANewNamespaceCreatesTheNamespaceOnce() {
    directory.createRole(new RoleRef("app1", "editor"));
    directory.createRole(new RoleRef("app1", "viewer"));
    directory.createRole(new RoleRef("default", "reader"));

    assertThat(sandbox.stats().calls("POST /api/v2/resource-namespace/{pool}")).isEqualTo(1);
    assertThat(directory.listRoles("app1")).containsExactly(new RoleRef("app1", "editor"), new RoleRef("app1", "viewer"));
  }

  @Test
  void membershipsGoInChunksOf80() {
    List<String> ids = IntStream.range(0, 100).mapToObj(i -> create("e" + i)).toList();
    directory.createGroup("all", "All");
    sandbox.resetStats();

    directory.addGroupMembers("all", ids);

    assertThat(sandbox.stats().calls("addUserToGroup")).isEqualTo(2);
    assertThat(client.groups().listUsers("all", 1, 200).totalCount()).isEqualTo(100);
  }

  @Test
  void checkAccessSucceedsWithTheRightSecret() {
    directory.checkAccess();
    assertThat(directory.callCounts()).containsEntry("accessToken", 1L);
  }

  @Test
  void aGroupIsDeletedWithDeleteGroupsAndAnAbsentOneIsNotAnError() {
    directory.createGroup("g-del", "G");
    String id = create("e-del");
    directory.addGroupMembers("g-del", List.of(id));

    directory.deleteGroup("g-del");
    directory.deleteGroup("g-del");
    directory.deleteGroup("never-was");

    assertThat(directory.listGroups()).extracting(g -> g.code()).doesNotContain("g-del");
    assertThat(sandbox.stats().calls()).containsEntry("deleteGroups", 1L);
  }

  @Test
  void aLeafDepartmentIsDeletedWithDeleteNodeAParentIsRefusedAndAnAbsentOneIsNotAnError() {
    directory.createDepartment("top", "Top", null);
    directory.createDepartment("leaf", "Leaf", "top");

    assertThatThrownBy(() -> directory.deleteDepartment("top")).isInstanceOfSatisfying(DirectoryException.class,
        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT));
    directory.deleteDepartment("leaf");
    directory.deleteDepartment("leaf");
    directory.deleteDepartment("top");

    assertThat(directory.listDepartments()).isEmpty();
    assertThat(sandbox.stats().calls()).containsEntry("deleteNode", 2L);
  }

  @Test
  void customDataTravelsWithTheCreateInOneCall() {
    directory.createUser(DesiredUser.of(ExternalId.of("c0"), Map.of("username", "warm")).withCustomData(Map.of("title", "x", "level", 1L)));
    sandbox.resetStats();

    DirectoryUser created = directory.createUser(DesiredUser.of(ExternalId.of("c1"), Map.of("username", "carol"))
        .withCustomData(Map.of("title", "Engineer \"lead\"", "level", 3L)));

    assertThat(created.customData()).containsEntry("title", "Engineer \"lead\"").containsEntry("level", 3L);
    assertThat(sandbox.stats().calls()).containsOnly(Map.entry("createUser", 1L));
    DirectoryUser found = directory.findByExternalIds(List.of(ExternalId.of("c1")), false, Set.of()).get(0);
    assertThat(found.customData()).containsEntry("title", "Engineer \"lead\"").containsEntry("level", 3L);
  }
}
