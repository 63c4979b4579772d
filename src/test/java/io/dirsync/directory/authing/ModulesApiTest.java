package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups, roles and namespaces, orgs and nodes, custom-field definitions, against the sandbox. */
class ModulesApiTest extends SandboxTestBase {

  private String user(String username) {
    return client.users().create(UserInput.forCreate(Map.of("username", username)), false, false).id();
  }

  @Test
  void groupsCanBeCreatedReadUpdatedFilledAndDeleted() {
    String a = user("a");
    String b = user("b");
    Group g = client.groups().create("staff", "Staff", "everyone");
    assertThat(g).extracting(Group::code, Group::name, Group::description).containsExactly("staff", "Staff", "everyone");

    client.groups().update("staff", "All staff", null, "all-staff");
    assertThat(client.groups().detail("staff")).isEmpty();
    assertThat(client.groups().detail("all-staff")).hasValueSatisfying(x -> assertThat(x.name()).isEqualTo("All staff"));
    assertThat(client.groups().list(1, 10).list()).extracting(Group::code).containsExactly("all-staff");

    client.groups().addUsers("all-staff", List.of(a, b));
    client.groups().removeUsers("all-staff", List.of(b));
    assertThat(client.groups().listUsers("all-staff", 1, 10).list()).extracting(User::id).containsExactly(a);
    assertThat(client.groups().listUsers("missing", 1, 10).totalCount()).isZero();

    assertThat(client.groups().delete("all-staff").code()).isEqualTo(200);
    assertThatThrownBy(() -> client.groups().delete("all-staff")).isInstanceOf(AuthingException.class);
  }

  @Test
  void rolesLiveInNamespacesAndHoldUsers() {
    String a = user("a");
    client.acl().createNamespace("app1", "App 1", "the first app");
    assertThat(client.acl().listNamespaces(1, 50).list()).extracting(Namespace::code).contains("default", "app1");

    Role r = client.roles().create("app1", "editor", "edits");
    assertThat(r).extracting(Role::namespace, Role::code, Role::description).containsExactly("app1", "editor", "edits");
    client.roles().create(null, "reader", null);
    assertThat(client.roles().detail("app1", "editor")).isPresent();
    assertThat(client.roles().detail(null, "editor")).isEmpty();
    assertThat(client.roles().list("app1", 1, 10).list()).extracting(Role::code).containsExactly("editor");
    assertThat(client.roles().list("default", 1, 10).list()).extracting(Role::code).containsExactly("reader");

    client.roles().addUsers("app1", "editor", List.of(a));
    assertThat(client.roles().listUsers("app1", "editor", 1, 10).list()).extracting(User::id).containsExactly(a);
    client.roles().removeUsers("app1", "editor", List.of(a));
    assertThat(client.roles().listUsers("app1", "editor", 1, 10).totalCount()).isZero();
    assertThat(client.roles().listUsers("app1", "missing", 1, 10).totalCount()).isZero();

    client.roles().delete("app1", "editor");
    assertThat(client.roles().detail("app1", "editor")).isEmpty();
  }

  @Test
  void orgTreesCanBeBuiltChangedAndQueried() {
    Org org = client.org().create("Corp", "corp", null);
    assertThat(org.rootNode().code()).isEqualTo("corp");
    assertThat(org.nodes()).hasSize(1);

    Node eng = client.org().addNode(org.id(), org.rootNode().id(), "Engineering", "eng", "builds things");
    Node web = client.org().addNode(org.id(), eng.id(), "Web", "web", null);
    Node sales = client.org().addNode(org.id(), null, "Sales", "sales", null);
    assertThat(web.path()).containsExactly(org.rootNode().id(), eng.id(), web.id());
    assertThat(web.parentId()).isEqualTo(eng.id());

    assertThat(client.org().updateNode(web.id(), "Web Platform", null, null).name()).isEqualTo("Web Platform");
    Org moved = client.org().moveNode(org.id(), web.id(), sales.id());
    assertThat(moved.nodes()).filteredOn(n -> n.id().equals(web.id())).singleElement()
        .satisfies(n -> assertThat(n.parentId()).isEqualTo(sales.id()));

    assertThat(client.org().nodeById(web.id())).hasValueSatisfying(n -> assertThat(n.path()).containsExactly(org.rootNode().id(), sales.id(), web.id()));
    assertThat(client.org().nodeByCode(org.id(), "eng")).hasValueSatisfying(n -> assertThat(n.id()).isEqualTo(eng.id()));
    assertThat(client.org().nodeByCode(org.id(), "nope")).isEmpty();
    assertThat(client.org().nodeById("nope")).isEmpty();
    assertThat(client.org().list(1, 10).list()).extracting(Org::id).containsExactly(org.id());
    assertThat(client.org().findById(org.id())).hasValueSatisfying(o -> assertThat(o.nodes()).hasSize(4));

    client.org().deleteNode(org.id(), sales.id());
    assertThat(client.org().nodeById(web.id())).isEmpty();
    client.org().delete(org.id());
    assertThat(client.org().list(1, 10).totalCount()).isZero();
  }

  @Test
  void nodeMembersAndTheMainDepartmentCanBeSet() {
    String a = user("a");
    String b = user("b");
    Org org = client.org().create("Corp", "corp", null);
    Node eng = client.org().addNode(org.id(), null, "Engineering", "eng", null);
    Node web = client.org().addNode(org.id(), eng.id(), "Web", "web", null);

    assertThat(client.org().addMembers(eng.id(), List.of(a, b)).list()).extracting(User::id).containsExactlyInAnyOrder(a, b);
    client.org().addMembers(web.id(), List.of(a));
    assertThat(client.org().removeMembers(eng.id(), List.of(b)).list()).extracting(User::id).containsExactly(a);
    assertThat(client.org().listMembers(eng.id(), 1, 10, true).totalCount()).isEqualTo(1);
    assertThat(client.org().listMembers(web.id(), 1, 10, false).list()).extracting(User::id).containsExactly(a);

    client.org().setMainDepartment(a, web.id());
    assertThat(client.users().listDepartment(a).list()).filteredOn(UserDepartment::isMainDepartment)
        .extracting(d -> d.department().code()).containsExactly("web");
    client.org().setMainDepartment(a, null);
    assertThat(client.users().listDepartment(a).list()).noneMatch(UserDepartment::isMainDepartment);
  }

  @Test
  void customFieldsCanBeDefinedListedAndRemoved() {
    UdfDefinition d = client.udf().set("USER", "age", "NUMBER", "Age");
    assertThat(d).isEqualTo(new UdfDefinition("USER", "NUMBER", "age", "Age", null));
    client.udf().set("USER", "age", "NUMBER", "Age in years");
    client.udf().set("NODE", "floor", "NUMBER", "Floor");

    assertThat(client.udf().list("USER")).extracting(UdfDefinition::key, UdfDefinition::label).containsExactly(
        org.assertj.core.groups.Tuple.tuple("age", "Age in years"));
    client.udf().remove("USER", "age");
    assertThat(client.udf().list("USER")).isEmpty();
    assertThat(client.udf().list("NODE")).hasSize(1);
  }
}
