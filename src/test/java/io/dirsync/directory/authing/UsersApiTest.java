package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.model.RoleRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UsersApiTest extends SandboxTestBase {

  private User create(String username, String externalId) {
    return client.users().create(UserInput.forCreate(Map.of("username", username, "externalId", externalId,
        "email", username + "@Example.com")), false, false);
  }

  @Test
  void createReturnsTheUserWithALowerCasedEmailAndDefaults() {
    User u = create("alice", "e1");

    assertThat(u.id()).isNotBlank();
    assertThat(u.username()).isEqualTo("alice");
    assertThat(u.email()).isEqualTo("alice@example.com");
    assertThat(u.externalId()).isEqualTo("e1");
    assertThat(u.blocked()).isFalse();
    assertThat(u.field("loginsCount")).isEqualTo(0L);
    assertThat(u.fields()).doesNotContainKeys("password", "token");
  }

  @Test
  void aPasswordIsEncryptedForTransportWithTheKeyFetchedOnce() {
    client.users().create(UserInput.forCreate(Map.of("username", "a", "password", "secret-pass-1")), false, true);
    User b = client.users().create(UserInput.forCreate(Map.of("username", "b", "password", "abc")), true, false);
    client.users().update(b.id(), UserInput.forUpdate(Map.of("password", "new-pass-123")));

    // The sandbox measures the decrypted password: 3 characters pass only with keepPassword.
    assertThatThrownBy(() -> client.users().create(UserInput.forCreate(Map.of("username", "c", "password", "abc")), false, false))
        .isInstanceOfSatisfying(AuthingException.class, e -> {
          assertThat(e.code()).isEqualTo(2029);
          assertThat(e.getMessage()).doesNotContain("abc\"");
        });
    assertThat(sandbox.stats().calls("GET /api/v2/.well-known")).isEqualTo(1);
  }

  @Test
  void userInputRefusesUnknownFieldsAndWrongTypesAndHidesThePassword() {
    assertThatThrownBy(() -> UserInput.forCreate(Map.of("city", "Paris"))).hasMessageContaining("city");
    assertThatThrownBy(() -> UserInput.forUpdate(Map.of("blocked", "yes"))).hasMessageContaining("Boolean");
    assertThat(UserInput.forCreate(Map.of("username", "x", "password", "hunter22")).toString()).doesNotContain("hunter22");
    assertThat(UserInput.forUpdate(Map.of("city", "Paris")).values()).containsEntry("city", "Paris");
  }

  @Test
  void updateChangesOnlyTheGivenFieldsAndAcceptsUpdateOnlyFields() {
    User u = create("alice", "e1");

    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("nickname", "Al");
    changes.put("city", "Paris");
    changes.put("loginsCount", 7L);
    User after = client.users().update(u.id(), UserInput.forUpdate(changes));

    assertThat(after.field("nickname")).isEqualTo("Al");
    assertThat(after.field("city")).isEqualTo("Paris");
    assertThat(after.field("loginsCount")).isEqualTo(7L);
    assertThat(after.username()).isEqualTo("alice");
  }

  @Test
  void detailFindsAUserWithCustomDataAndIsEmptyForUnknownOrDeletedOnes() {
    User u = create("alice", "e1");
    client.udf().set("USER", "school", "STRING", "School");
    client.users().setUdfValue(u.id(), Map.of("school", "MIT"));

    assertThat(client.users().detail(u.id(), true)).hasValueSatisfying(d -> assertThat(d.customData()).containsEntry("school", "MIT"));
    assertThat(client.users().detail(u.id(), false)).hasValueSatisfying(d -> assertThat(d.customData()).isEmpty());
    assertThat(client.users().detail("nope", false)).isEmpty();
    client.users().delete(u.id());
    assertThat(client.users().detail(u.id(), false)).isEmpty();
  }

  @Test
  void deleteManyDeletesAllAndArchivedUsersListsThem() {
    User a = create("a", "e1");
    User b = create("b", "e2");

    assertThat(client.users().deleteMany(List.of(a.id(), b.id())).code()).isEqualTo(200);

    assertThat(client.users().list(1, 10, false, false).totalCount()).isZero();
    assertThat(client.users().listArchivedUsers(1, 10).list()).extracting(User::username).contains("a", "b");
  }

  @Test
  void batchFindsUsersByEveryKindOfIdentifierAndLeavesUnknownOnesOut() {
    User a = create("alice", "e1");
    create("bob", "e2");

    assertThat(client.users().batch(List.of(a.id(), "zz"), BatchType.ID, false)).extracting(User::username).containsExactly("alice");
    assertThat(client.users().batch(List.of("bob"), BatchType.USERNAME, false)).hasSize(1);
    assertThat(client.users().batch(List.of("ALICE@example.com"), BatchType.EMAIL, false)).hasSize(1);
    assertThat(client.users().batch(List.of("e1", "e2", "e3"), BatchType.EXTERNAL_ID, true)).hasSize(2);
  }

  @Test
  void memberIdsPageThroughGroupRoleAndDepartmentMembers() {
    List<String> ids = IntStream.range(0, 12).mapToObj(i -> create("u" + i, "e" + i).id()).toList();
    client.groups().create("staff", "Staff", null);
    client.groups().addUsers("staff", ids);
    client.acl().createNamespace("app1", "App 1", null);
    client.roles().create("app1", "editor", null);
    client.roles().addUsers("app1", "editor", ids.subList(0, 3));
    Org org = client.org().create("Corp", "corp", null);
    Node eng = client.org().addNode(org.id(), org.rootNode().id(), "Engineering", "eng", null);
    Node sub = client.org().addNode(org.id(), eng.id(), "Sub", "sub", null);
    client.org().addMembers(eng.id(), ids.subList(0, 5));
    client.org().addMembers(sub.id(), ids.subList(5, 6));
    sandbox.resetStats();

    Paginated<String> first = client.groups().memberIds("staff", 1, 10);
    Paginated<String> second = client.groups().memberIds("staff", 2, 10);

    assertThat(first.totalCount()).isEqualTo(12);
    assertThat(first.list()).hasSize(10);
    assertThat(second.list()).hasSize(2);
    assertThat(new java.util.HashSet<>(concat(first.list(), second.list()))).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(client.roles().memberIds("app1", "editor", 1, 10).list()).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
    assertThat(client.org().memberIds(eng.id(), 1, 10).list()).as("direct members only")
        .containsExactlyInAnyOrderElementsOf(ids.subList(0, 5));
    assertThat(client.groups().memberIds("nope", 1, 10).list()).isEmpty();
    assertThat(sandbox.stats().calls()).containsOnlyKeys("group", "role", "nodeById");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void listPagesThroughUsersWithOrWithoutCustomData() {
    IntStream.range(0, 5).forEach(i -> create("u" + i, "e" + i));

    Paginated<User> page2 = client.users().list(2, 2, true, false);
    assertThat(page2.totalCount()).isEqualTo(5);
    assertThat(page2.list()).hasSize(2);
    assertThat(client.users().listInCreationOrder(1, 10, false).list()).extracting(User::username)
        .containsExactly("u0", "u1", "u2", "u3", "u4");
  }

  @Test
  void existsAndFindMatchIdentifiers() {
    create("alice", "e1");

    assertThat(client.users().exists("alice", null, null, null)).isTrue();
    assertThat(client.users().exists(null, "ALICE@example.com", null, null)).isTrue();
    assertThat(client.users().exists("nobody", null, null, null)).isFalse();
    assertThat(client.users().find(null, null, null, "e1", false)).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("alice"));
    assertThat(client.users().find(null, null, null, "e1", true)).isPresent();
    assertThat(client.users().find("nobody", null, null, null, true)).isEmpty();
  }

  @Test
  void searchFiltersByTextGroupRoleAndDepartment() {
    User a = create("alice", "e1");
    create("alfred", "e2");
    create("bob", "e3");
    client.groups().create("staff", "Staff", null);
    client.groups().addUsers("staff", List.of(a.id()));
    client.roles().create(null, "reader", null);
    client.roles().addUsers(null, "reader", List.of(a.id()));
    Org org = client.org().create("Corp", "corp", null);
    Node eng = client.org().addNode(org.id(), null, "Engineering", "eng", null);
    client.org().addMembers(eng.id(), List.of(a.id()));

    assertThat(client.users().search("al", null, 1, 10, List.of(), false, List.of(), List.of(), false).totalCount()).isEqualTo(2);
    assertThat(client.users().search("al", List.of("username"), 1, 10, List.of(), false, List.of("staff"), List.of(), true).list())
        .extracting(User::username).containsExactly("alice");
    assertThat(client.users().search("", null, 1, 10, List.of(), false, List.of(), List.of(new RoleRef("default", "reader")), false)
        .list()).extracting(User::username).containsExactly("alice");
    assertThat(client.users().search("", null, 1, 10, List.of(org.rootNode().id()), true, List.of(), List.of(), false).list())
        .extracting(User::username).containsExactly("alice");
  }

  @Test
  void sessionsCanBeRefreshedCheckedKickedAndLoggedOut() {
    User a = create("alice", "e1");

    RefreshedToken token = client.users().refreshToken(a.id());
    assertThat(token.token()).isNotBlank();
    assertThat(token.exp()).isGreaterThan(token.iat());
    assertThat(token.toString()).doesNotContain(token.token());
    assertThat(client.users().checkLoginStatus(a.id(), null, null).isLogin()).isTrue();

    assertThat(client.users().kick(List.of(a.id())).code()).isEqualTo(200);
    assertThat(client.users().checkLoginStatus(a.id(), null, null).isLogin()).isFalse();
    client.users().refreshToken(a.id());
    assertThat(client.users().logout(a.id(), null).code()).isEqualTo(200);
    assertThat(client.users().checkLoginStatus(a.id(), null, null).isLogin()).isFalse();
    assertThat(client.users().sendFirstLoginVerifyEmail(a.id(), "app1").code()).isEqualTo(200);
  }

  @Test
  void userActionsListTheAuditTrail() {
    User a = create("alice", "e1");
    client.users().update(a.id(), UserInput.forUpdate(Map.of("nickname", "Al")));

    Paginated<UserAction> actions = client.users().listUserActions(a.id(), List.of(), 1, 10);

    assertThat(actions.list()).extracting(UserAction::operationName).contains("createUser", "updateUser");
    assertThat(client.users().listUserActions(null, List.of("updateUser"), 1, 10).list())
        .extracting(UserAction::operationName).containsOnly("updateUser");
  }

  @Test
  void groupsOfAUserCanBeListedAddedAndRemoved() {
    User a = create("alice", "e1");
    client.groups().create("staff", "Staff", null);

    client.users().addGroup(a.id(), "staff");
    assertThat(client.users().listGroups(a.id()).list()).extracting(Group::code).containsExactly("staff");
    client.users().removeGroup(a.id(), "staff");
    assertThat(client.users().listGroups(a.id()).totalCount()).isZero();
  }

  @Test
  void rolesOfAUserCanBeListedAddedRemovedAndTested() {
    User a = create("alice", "e1");
    client.roles().create(null, "reader", null);
    client.roles().create(null, "writer", null);

    client.users().addRoles(a.id(), List.of("reader", "writer"), null);
    assertThat(client.users().listRoles(a.id(), null).list()).extracting(Role::code).containsExactlyInAnyOrder("reader", "writer");
    assertThat(client.users().hasRole(a.id(), "writer", null)).isTrue();
    client.users().removeRoles(a.id(), List.of("writer"), null);
    assertThat(client.users().hasRole(a.id(), "writer", null)).isFalse();
    assertThat(client.users().listAuthorizedResources(a.id(), "default", null).totalCount()).isZero();
  }

  @Test
  void departmentsAndOrgsOfAUserAreListed() {
    User a = create("alice", "e1");
    Org org = client.org().create("Corp", "corp", null);
    Node eng = client.org().addNode(org.id(), org.rootNode().id(), "Engineering", "eng", null);
    client.org().addMembers(eng.id(), List.of(a.id()));

    assertThat(client.users().listDepartment(a.id()).list()).singleElement()
        .satisfies(d -> assertThat(d.department().codePath()).containsExactly("corp", "eng"));
    assertThat(client.users().listOrgs(a.id())).singleElement().satisfies(path -> {
      assertThat(path).extracting(m -> m.get("type")).containsExactly("org", "node", "node");
      assertThat(path.get(2)).containsEntry("code", "eng");
    });
  }

  @Test
  void policiesOfAUserCanBeListedAddedAndRemoved() {
    User a = create("alice", "e1");
    createPolicy("p1");

    client.users().addPolicies(a.id(), List.of("p1"));
    assertThat(client.users().listPolicies(a.id(), 1, 10).list())
        .containsExactly(new PolicyAssignment("p1", "USER", a.id()));
    client.users().removePolicies(a.id(), List.of("p1"));
    assertThat(client.users().listPolicies(a.id(), 1, 10).totalCount()).isZero();
  }

  @Test
  void customDataOfUsersIsWrittenJsonEncodedAndReadBackTyped() {
    User a = create("alice", "e1");
    User b = create("bob", "e2");
    client.udf().set("USER", "school", "STRING", "School");
    client.udf().set("USER", "age", "NUMBER", "Age");
    client.udf().set("USER", "vip", "BOOLEAN", "VIP");

    assertThat(client.users().setUdfValue(a.id(), Map.of("school", "MIT", "age", 42))).extracting(UdfValue::value)
        .containsExactlyInAnyOrder("MIT", "42");
    client.users().setUdfValueBatch(Map.of(b.id(), Map.of("vip", true, "age", 7.5)));
    client.users().setUdv(a.id(), "vip", false);

    assertThat(client.users().getUdfValue(a.id())).containsEntry("school", "MIT").containsEntry("age", 42L).containsEntry("vip", false);
    assertThat(client.users().getUdfValueBatch(List.of(a.id(), b.id())).get(b.id())).containsEntry("vip", true).containsEntry("age", 7.5);
    assertThat(client.users().listUdv(a.id())).extracting(UdfValue::key).containsExactlyInAnyOrder("school", "age", "vip");
    client.users().removeUdfValue(a.id(), "school");
    client.users().removeUdv(a.id(), "age");
    assertThat(client.users().getUdfValue(a.id())).containsOnlyKeys("vip");
    assertThatThrownBy(() -> client.users().setUdfValue(a.id(), Map.of("undefined-key", 1)))
        .isInstanceOf(AuthingException.class);
  }

  private void createPolicy(String code) {
    // Policies are not a module of this client; create one through a plain GraphQL call.
    Transport t = new Transport(AuthingConfig.of(sandbox.baseUri(), POOL, SECRET), java.time.Clock.systemUTC());
    try {
      t.graphql("createPolicy", "mutation createPolicy($namespace: String, $code: String!, $description: String, $statements:"
          + " [PolicyStatementInput!]!) { createPolicy(namespace: $namespace, code: $code, description: $description,"
          + " statements: $statements) { code } }", Map.of("code", code, "statements",
          List.of(Map.of("resource", "books:*", "actions", List.of("books:read"), "effect", "ALLOW"))));
    } finally {
      t.close();
    }
  }
}
