package io.dirsync.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Directory} implementation must do, asserted on resulting state. Subclasses
 * return a fresh, empty directory from {@link #directory()} for each test.
 */
public abstract class DirectoryContract {

  /** A fresh directory holding no users, groups, roles (except none), departments or custom fields. */
  protected abstract Directory directory();

  private static final Set<String> DEFAULT_NS = Set.of(RoleRef.DEFAULT_NAMESPACE);

  private static DesiredUser user(String externalId, String username) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("username", username);
    fields.put("email", username + "@example.com");
    fields.put("name", "Name " + username);
    return DesiredUser.of(ExternalId.of(externalId), fields);
  }

  private static DirectoryUser find(Directory d, String externalId, Set<String> namespaces) {
    Optional<DirectoryUser> found = d.findByExternalId(ExternalId.of(externalId), namespaces);
    assertThat(found).as("user %s", externalId).isPresent();
    return found.get();
  }

  @Test
  void aCreatedUserIsFoundByExternalIdWithItsFields() {
    Directory d = directory();
    DirectoryUser created = d.createUser(user("e-1", "alice"));

    List<DirectoryUser> found = d.findByExternalIds(List.of(ExternalId.of("e-1")), false, Set.of());

    assertThat(found).singleElement().satisfies(u -> {
      assertThat(u.id()).isEqualTo(created.id());
      assertThat(u.externalId()).isEqualTo(ExternalId.of("e-1"));
      assertThat(u.field("username")).isEqualTo("alice");
      assertThat(u.field("email")).isEqualTo("alice@example.com");
      assertThat(u.field("name")).isEqualTo("Name alice");
      assertThat(u.blocked()).isFalse();
    });
  }

  @Test
  void aLookUpReturnsOnlyKnownUsersAmongManyIds() {
    Directory d = directory();
    d.createUser(user("e-1", "alice"));
    d.createUser(user("e-2", "bob"));

    List<DirectoryUser> found = d.findByExternalIds(
        List.of(ExternalId.of("e-1"), ExternalId.of("nobody"), ExternalId.of("e-2")), true, DEFAULT_NS);

    assertThat(found).extracting(u -> u.externalId().value()).containsExactlyInAnyOrder("e-1", "e-2");
    assertThat(d.findByExternalId(ExternalId.of("nobody"), DEFAULT_NS)).isEmpty();
    assertThat(d.findByExternalIds(List.of(), true, DEFAULT_NS)).isEmpty();
  }

  @Test
  void anUpdateChangesOnlyTheGivenFields() {
    Directory d = directory();
    DirectoryUser created = d.createUser(user("e-1", "alice"));

    d.updateUser(created.id(), Map.of("name", "Alice Liddell", "company", "Wonderland"));

    DirectoryUser after = find(d, "e-1", DEFAULT_NS);
    assertThat(after.field("name")).isEqualTo("Alice Liddell");
    assertThat(after.field("company")).isEqualTo("Wonderland");
    assertThat(after.field("username")).isEqualTo("alice");
    assertThat(after.field("email")).isEqualTo("alice@example.com");
  }

  @Test
  void aNullValueInAnUpdateClearsTheField() {
    Directory d = directory();
    DesiredUser desired = user("e-1", "alice");
    Map<String, Object> fields = new LinkedHashMap<>(desired.fields());
    fields.put("nickname", "Al");
    DirectoryUser created = d.createUser(desired.withFields(fields));
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("nickname", null);

    d.updateUser(created.id(), changes);

    DirectoryUser after = find(d, "e-1", DEFAULT_NS);
    assertThat(after.fields()).doesNotContainKey("nickname");
    assertThat(after.field("username")).isEqualTo("alice");
  }

  @Test
  void creatingASecondUserWithTheSameExternalIdIsAPermanentFailure() {
    Directory d = directory();
    d.createUser(user("e-1", "alice"));

    assertThatThrownBy(() -> d.createUser(user("e-1", "alice2")))
        .isInstanceOf(DirectoryException.class)
        .satisfies(e -> assertThat(((DirectoryException) e).kind()).isEqualTo(DirectoryException.Kind.PERMANENT));
    assertThat(d.findByExternalIds(List.of(ExternalId.of("e-1")), false, Set.of()))
        .singleElement().satisfies(u -> assertThat(u.field("username")).isEqualTo("alice"));
  }

  @Test
  void groupMembershipsShowInLookUps() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();
    String bob = d.createUser(user("e-2", "bob")).id();
    d.createGroup("staff", "Staff");
    d.createGroup("admins", "Admins");

    d.addGroupMembers("staff", List.of(alice, bob));
    d.addGroupMembers("admins", List.of(alice));
    d.removeGroupMembers("staff", List.of(bob));

    assertThat(d.listGroups()).extracting(DirectoryGroup::code).containsExactlyInAnyOrder("staff", "admins");
    assertThat(find(d, "e-1", DEFAULT_NS).groups()).containsExactly("admins", "staff");
    assertThat(find(d, "e-2", DEFAULT_NS).groups()).isEmpty();
  }

  /** Creating a role in a namespace the directory does not hold yet creates the namespace. */
  @Test
  void rolesInSeveralNamespacesShowInLookUps() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();
    RoleRef reader = new RoleRef(RoleRef.DEFAULT_NAMESPACE, "reader");
    RoleRef editor = new RoleRef("app1", "editor");
    d.createRole(reader);
    d.createRole(editor);

    d.assignRole(reader, List.of(alice));
    d.assignRole(editor, List.of(alice));

    assertThat(d.listRoles("app1")).containsExactly(editor);
    assertThat(find(d, "e-1", Set.of("default", "app1")).roles()).containsExactly(editor, reader);
    assertThat(find(d, "e-1", DEFAULT_NS).roles()).containsExactly(reader);

    d.revokeRole(reader, List.of(alice));
    assertThat(find(d, "e-1", Set.of("default", "app1")).roles()).containsExactly(editor);
  }

  @Test
  void departmentsAreCreatedParentFirstRenamedAndMoved() {
    Directory d = directory();
    d.createDepartment("eng", "Engineering", null);
    d.createDepartment("eng-web", "Web", "eng");
    d.createDepartment("sales", "Sales", null);

    d.renameDepartment("eng-web", "Web Platform");
    d.moveDepartment("eng-web", "sales");

    assertThat(d.listDepartments())
        .extracting(DirectoryDepartment::code, DirectoryDepartment::name, DirectoryDepartment::parentCode)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("eng", "Engineering", null),
            org.assertj.core.groups.Tuple.tuple("eng-web", "Web Platform", "sales"),
            org.assertj.core.groups.Tuple.tuple("sales", "Sales", null));

    d.moveDepartment("eng-web", null);
    assertThat(d.listDepartments()).filteredOn(dep -> dep.code().equals("eng-web"))
        .singleElement().satisfies(dep -> assertThat(dep.parentCode()).isNull());
  }

  @Test
  void anEmptyDirectoryHasNoDepartments() {
    assertThat(directory().listDepartments()).isEmpty();
  }

  @Test
  void departmentMembershipsAndTheMainDepartmentShowInLookUps() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();
    d.createDepartment("eng", "Engineering", null);
    d.createDepartment("ops", "Operations", null);

    d.addDepartmentMembers("eng", List.of(alice));
    d.addDepartmentMembers("ops", List.of(alice));
    d.setMainDepartment(alice, "ops");

    DirectoryUser found = find(d, "e-1", DEFAULT_NS);
    assertThat(found.departments()).containsExactly("eng", "ops");
    assertThat(found.mainDepartment()).isEqualTo("ops");

    d.setMainDepartment(alice, null);
    d.removeDepartmentMembers("eng", List.of(alice));
    DirectoryUser after = find(d, "e-1", DEFAULT_NS);
    assertThat(after.departments()).containsExactly("ops");
    assertThat(after.mainDepartment()).isNull();
  }

  @Test
  void customDataRoundTripsWithItsTypes() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();

    d.setCustomData(alice, Map.of("school", "MIT", "age", 42L, "vip", true));
    d.setCustomData(alice, Map.of("age", 43L));

    DirectoryUser found = find(d, "e-1", DEFAULT_NS);
    assertThat(found.customData()).containsEntry("school", "MIT").containsEntry("age", 43L).containsEntry("vip", true);
    assertThat(d.findByExternalIds(List.of(ExternalId.of("e-1")), false, Set.of()))
        .singleElement().satisfies(u -> assertThat(u.customData()).containsEntry("school", "MIT"));
  }

  @Test
  void blockingSetsBlocked() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();

    d.blockUser(alice);

    assertThat(find(d, "e-1", DEFAULT_NS).blocked()).isTrue();
  }

  @Test
  void aBatchUpdateSetsEachUsersFieldsCustomDataAndBlock() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();
    String bob = d.createUser(user("e-2", "bob")).id();
    Map<String, Object> cleared = new LinkedHashMap<>();
    cleared.put("name", null);

    d.updateUsers(List.of(new UserUpdate(alice, Map.of("company", "Wonderland"), Map.of("school", "MIT"), false),
        new UserUpdate(bob, cleared, Map.of(), true)));

    DirectoryUser a = find(d, "e-1", DEFAULT_NS);
    assertThat(a.field("company")).isEqualTo("Wonderland");
    assertThat(a.field("name")).isEqualTo("Name alice");
    assertThat(a.customData()).containsEntry("school", "MIT");
    assertThat(a.blocked()).isFalse();
    DirectoryUser b = find(d, "e-2", DEFAULT_NS);
    assertThat(b.fields()).doesNotContainKey("name");
    assertThat(b.field("username")).isEqualTo("bob");
    assertThat(b.blocked()).isTrue();
  }

  @Test
  void aBatchDeleteRemovesEachUserAndAbsentOnesAreFine() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();
    String bob = d.createUser(user("e-2", "bob")).id();
    d.createUser(user("e-3", "carol"));

    d.deleteUsers(List.of(alice, bob));
    d.deleteUsers(List.of(alice));

    assertThat(d.findByExternalIds(List.of(ExternalId.of("e-1"), ExternalId.of("e-2"), ExternalId.of("e-3")), false, Set.of()))
        .extracting(u -> u.externalId().value()).containsExactly("e-3");
  }

  @Test
  void rolesCreatedTogetherAreListedInTheirNamespaces() {
    Directory d = directory();
    RoleRef reader = new RoleRef(RoleRef.DEFAULT_NAMESPACE, "reader");
    RoleRef writer = new RoleRef(RoleRef.DEFAULT_NAMESPACE, "writer");
    RoleRef editor = new RoleRef("app1", "editor");

    d.createRoles(List.of(reader, writer, editor));

    assertThat(d.listRoles(RoleRef.DEFAULT_NAMESPACE)).contains(reader, writer);
    assertThat(d.listRoles("app1")).containsExactly(editor);
  }

  @Test
  void aDeletedUserIsNotFoundAndDeletingItAgainIsFine() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();

    d.deleteUser(alice);
    d.deleteUser(alice);

    assertThat(d.findByExternalId(ExternalId.of("e-1"), DEFAULT_NS)).isEmpty();
  }

  @Test
  void aLookUpOfMoreThanTheBatchLimitIsRefused() {
    Directory d = directory();
    List<ExternalId> ids = java.util.stream.IntStream.rangeClosed(1, Directory.MAX_LOOKUP_BATCH + 1)
        .mapToObj(i -> ExternalId.of("e-" + i)).toList();

    assertThatThrownBy(() -> d.findByExternalIds(ids, false, Set.of()))
        .isInstanceOf(DirectoryException.class)
        .satisfies(e -> assertThat(((DirectoryException) e).kind()).isEqualTo(DirectoryException.Kind.PERMANENT));
  }

  @Test
  void callsAreCounted() {
    Directory d = directory();
    d.createUser(user("e-1", "alice"));
    d.findByExternalIds(List.of(ExternalId.of("e-1")), true, DEFAULT_NS);

    assertThat(d.callCounts().values().stream().mapToLong(Long::longValue).sum()).isPositive();
  }

  @Test
  void readMembershipsListsTheDirectMembersOfEachAskedForGroupRoleAndDepartment() {
    Directory d = directory();
    String a = d.createUser(user("m-1", "ann")).id();
    String b = d.createUser(user("m-2", "ben")).id();
    String c = d.createUser(user("m-3", "cat")).id();
    RoleRef reader = new RoleRef(RoleRef.DEFAULT_NAMESPACE, "reader");
    d.createGroup("staff", "Staff");
    d.createGroup("other", "Other");
    d.createRole(reader);
    d.createDepartment("eng", "Engineering", null);
    d.createDepartment("web", "Web", "eng");
    d.addGroupMembers("staff", List.of(a, b));
    d.addGroupMembers("other", List.of(c));
    d.assignRole(reader, List.of(b));
    d.addDepartmentMembers("eng", List.of(a));
    d.addDepartmentMembers("web", List.of(b));

    MembershipIndex index = d.readMemberships(List.of("staff", "empty-or-missing"), List.of(reader), List.of("eng", "web"));

    assertThat(index.groupMembers()).containsOnlyKeys("staff", "empty-or-missing");
    assertThat(index.groupMembers().get("staff")).containsExactlyInAnyOrder(a, b);
    assertThat(index.groupMembers().get("empty-or-missing")).isEmpty();
    assertThat(index.roleMembers().get(reader)).containsExactly(b);
    assertThat(index.departmentMembers().get("eng")).as("direct members only").containsExactly(a);
    assertThat(index.departmentMembers().get("web")).containsExactly(b);
  }

  @Test
  void aMovedUserKeepsItsOtherDepartmentsAndMovingItAgainChangesNothing() {
    Directory d = directory();
    String alice = d.createUser(user("e-1", "alice")).id();
    d.createDepartment("eng", "Engineering", null);
    d.createDepartment("ops", "Operations", null);
    d.createDepartment("qa", "Quality", null);
    d.addDepartmentMembers("eng", List.of(alice));
    d.addDepartmentMembers("qa", List.of(alice));
    d.setMainDepartment(alice, "eng");
    find(d, "e-1", DEFAULT_NS); // a run looks its users up before it applies

    d.moveUser(alice, List.of("ops"), List.of("eng"), "ops");
    d.moveUser(alice, List.of("ops"), List.of("eng"), "ops");

    DirectoryUser found = find(d, "e-1", DEFAULT_NS);
    assertThat(found.departments()).containsExactly("ops", "qa");
    assertThat(found.mainDepartment()).isEqualTo("ops");
  }

  @Test
  void readMembershipsTellsTheMainDepartmentOfEveryUserInMoreThanOneDepartment() {
    Directory d = directory();
    String a = d.createUser(user("m-1", "ann")).id();
    String b = d.createUser(user("m-2", "ben")).id();
    d.createDepartment("eng", "Engineering", null);
    d.createDepartment("ops", "Operations", null);
    d.addDepartmentMembers("eng", List.of(a, b));
    d.addDepartmentMembers("ops", List.of(a, b));
    d.setMainDepartment(a, "ops");
    d.setMainDepartment(b, "eng");

    MembershipIndex index = d.readMemberships(List.of(), List.of(), List.of("eng", "ops"));

    assertThat(index.mainDepartments()).containsEntry(a, "ops").containsEntry(b, "eng");
    assertThat(index.groupMembers()).isEmpty();
    assertThat(index.roleMembers()).isEmpty();
  }

  @Test
  void readMembershipsOfNothingIsEmpty() {
    MembershipIndex index = directory().readMemberships(List.of(), List.of(), List.of());

    assertThat(index.groupMembers()).isEmpty();
    assertThat(index.departmentMembers()).isEmpty();
    assertThat(index.mainDepartments()).isEmpty();
  }

  @Test
  void aDeletedGroupIsGoneWithItsMemberships() {
    Directory d = directory();
    DirectoryUser alice = d.createUser(user("del-g-1", "delgalice"));
    d.createGroup("doomed", "Doomed");
    d.createGroup("kept", "Kept");
    d.addGroupMembers("doomed", List.of(alice.id()));
    d.addGroupMembers("kept", List.of(alice.id()));

    d.deleteGroup("doomed");

    assertThat(d.listGroups()).extracting(DirectoryGroup::code).contains("kept").doesNotContain("doomed");
    assertThat(find(d, "del-g-1", DEFAULT_NS).groups()).containsExactly("kept");
  }

  @Test
  void deletingAnAbsentGroupIsNotAnError() {
    Directory d = directory();
    d.deleteGroup("never-was");
    assertThat(d.listGroups()).extracting(DirectoryGroup::code).doesNotContain("never-was");
  }

  @Test
  void aDeletedDepartmentIsGoneWithItsMembershipsAndMainDepartment() {
    Directory d = directory();
    DirectoryUser bob = d.createUser(user("del-d-1", "deldbob"));
    d.createDepartment("del-parent", "Parent", null);
    d.createDepartment("del-child", "Child", "del-parent");
    d.addDepartmentMembers("del-child", List.of(bob.id()));
    d.setMainDepartment(bob.id(), "del-child");

    d.deleteDepartment("del-child");
    d.deleteDepartment("del-parent");

    assertThat(d.listDepartments()).extracting(DirectoryDepartment::code).doesNotContain("del-child", "del-parent");
    DirectoryUser after = find(d, "del-d-1", DEFAULT_NS);
    assertThat(after.departments()).doesNotContain("del-child");
    assertThat(after.mainDepartment()).isNull();
  }

  @Test
  void deletingAnAbsentDepartmentIsNotAnError() {
    Directory d = directory();
    d.createDepartment("del-stays", "Stays", null);
    d.deleteDepartment("del-never-was");
    assertThat(d.listDepartments()).extracting(DirectoryDepartment::code).contains("del-stays");
  }
}
