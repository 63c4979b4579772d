package io.dirsync.plan;

import static io.dirsync.plan.Scenario.dirUser;
import static io.dirsync.plan.Scenario.ext;
import static io.dirsync.plan.Scenario.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerMembershipTest {

  private static final RoleRef ADMIN = new RoleRef("default", "admin");
  private static final RoleRef AUDITOR = new RoleRef("default", "auditor");
  private static final RoleRef APP_ROLE = new RoleRef("app1", "viewer");

  @Test
  void groupMembershipsAreAddedAndRemovedToMatchTheSource() {
    DesiredUser ann = user("e1", "username", "ann").withGroups(Set.of("dev", "ops"));
    DesiredUser bob = user("e2", "username", "bob").withGroups(Set.of("dev"));
    DirectoryUser annHeld = dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("ops"), Set.of(), Set.of(), null);
    DirectoryUser bobHeld = dirUser("u2", "e2", "username", "bob").withMemberships(Set.of("ops"), Set.of(), Set.of(), null);

    Plan plan = new Scenario().want(ann, bob).has(annHeld, bobHeld).groupsExist("dev", "ops").plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.AddToGroup("dev", List.of(ext("e1"), ext("e2"))),
        new Operation.RemoveFromGroup("ops", List.of(ext("e2"))));
  }

  @Test
  void handAssignedMembershipsInGroupsDirsyncDoesNotManageAreKept() {
    DesiredUser ann = user("e1", "username", "ann").withGroups(Set.of("dev"));
    DirectoryUser held = dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev", "vip-by-hand"), Set.of(), Set.of(), null);

    Plan plan = new Scenario().want(ann).has(held).groupsExist("dev", "vip-by-hand").plan();

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void rolesAreAssignedAndRevokedWithinTheNamespacesTheSourceUses() {
    DesiredUser ann = user("e1", "username", "ann").withRoles(Set.of(ADMIN));
    DesiredUser bob = user("e2", "username", "bob").withRoles(Set.of(AUDITOR));
    DirectoryUser annHeld = dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(AUDITOR, APP_ROLE), Set.of(), null);
    DirectoryUser bobHeld = dirUser("u2", "e2", "username", "bob").withMemberships(Set.of(), Set.of(AUDITOR), Set.of(), null);

    Plan plan = new Scenario().want(ann, bob).has(annHeld, bobHeld).rolesExist(ADMIN, AUDITOR).plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.AssignRole(ADMIN, List.of(ext("e1"))),
        new Operation.RevokeRole(AUDITOR, List.of(ext("e1"))));
  }

  @Test
  void departmentsAndTheMainDepartmentFollowTheSource() {
    DesiredUser ann = user("e1", "username", "ann").withDepartments(Set.of("rnd", "sales"), "sales");
    DirectoryUser held = dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(), Set.of("rnd", "hr"), "rnd");

    Plan plan = new Scenario().want(ann).has(held)
        .departmentExists("rnd", "R&D", null).departmentExists("sales", "Sales", null).departmentExists("hr", "HR", null)
        .plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.AddToDepartment("sales", List.of(ext("e1"))),
        new Operation.RemoveFromDepartment("hr", List.of(ext("e1"))),
        new Operation.SetMainDepartment(ext("e1"), "sales", "rnd"));
  }

  @Test
  void aNewUserGetsItsMembershipsAfterItIsCreated() {
    DesiredUser ann = user("e1", "username", "ann").withGroups(Set.of("dev")).withRoles(Set.of(ADMIN))
        .withDepartments(Set.of("rnd"), "rnd");

    Plan plan = new Scenario().want(ann).groupsExist("dev").rolesExist(ADMIN).departmentExists("rnd", "R&D", null).plan();

    assertThat(plan.operations()).extracting(Operation::kind).containsExactly(
        OperationKind.CREATE_USER, OperationKind.ADD_TO_GROUP, OperationKind.ASSIGN_ROLE,
        OperationKind.ADD_TO_DEPARTMENT, OperationKind.SET_MAIN_DEPARTMENT);
  }

  @Test
  void membershipOperationsNameAtMost80UsersEach() {
    Scenario s = new Scenario().groupsExist("all");
    for (int i = 0; i < 170; i++) {
      String e = String.format("e%03d", i);
      s.want(user(e, "username", e).withGroups(Set.of("all"))).has(dirUser("u" + i, e, "username", e));
    }

    List<Operation> ops = s.plan().operations();

    assertThat(ops).hasSize(3).allSatisfy(op -> assertThat(op).isInstanceOf(Operation.AddToGroup.class));
    assertThat(ops).extracting(op -> ((Operation.AddToGroup) op).users().size()).containsExactly(80, 80, 10);
    List<ExternalId> all = new ArrayList<>();
    ops.forEach(op -> all.addAll(((Operation.AddToGroup) op).users()));
    assertThat(all).isSorted().doesNotHaveDuplicates().hasSize(170);
  }

  @Test
  void aMissingGroupIsNotCreatedWhenTheMappingDoesNotAllowItAndItsMembershipsAreReported() {
    Scenario s = new Scenario().want(user("e1", "username", "ann").withGroups(Set.of("ghost", "dev"))).groupsExist("dev");
    s.createGroups = false;

    Plan plan = s.plan();

    assertThat(plan.operations()).extracting(Operation::kind)
        .containsExactly(OperationKind.CREATE_USER, OperationKind.ADD_TO_GROUP);
    assertThat(plan.operations().get(1)).isEqualTo(new Operation.AddToGroup("dev", List.of(ext("e1"))));
    assertThat(plan.skipped()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo("groups");
      assertThat(e.reason()).contains("ghost").contains("1 membership");
    });
  }

  @Test
  void missingGroupsAndRolesAreCreatedBeforeUsersWhenAllowed() {
    Plan plan = new Scenario().want(user("e1", "username", "ann").withGroups(Set.of("dev")).withRoles(Set.of(ADMIN))).plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.CreateGroup("dev", "dev"),
        new Operation.CreateRole(ADMIN),
        new Operation.CreateUser(user("e1", "username", "ann").withGroups(Set.of("dev")).withRoles(Set.of(ADMIN))),
        new Operation.AddToGroup("dev", List.of(ext("e1"))),
        new Operation.AssignRole(ADMIN, List.of(ext("e1"))));
  }

  @Test
  void aManagedUserGoneFromTheSourceIsBlockedByDefault() {
    Plan plan = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"))
        .manages("e1", "u1").manages("e2", "u2").plan();

    assertThat(plan.operations()).containsExactly(new Operation.BlockUser(ext("e2"), "u2"));
    assertThat(plan.removals()).isEqualTo(1);
  }

  @Test
  void aUserDirsyncAlreadyBlockedIsNotBlockedAgain() {
    Plan plan = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"))
        .manages("e1", "u1").managesRemoved("e2", "u2").plan();

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void theDeleteActionDeletesUsersGoneFromTheSource() {
    Scenario s = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"))
        .manages("e1", "u1").manages("e2", "u2");
    s.action = RemovalAction.DELETE;

    assertThat(s.plan().operations()).containsExactly(new Operation.DeleteUser(ext("e2"), "u2"));
  }

  @Test
  void theNoneActionLeavesUsersGoneFromTheSourceAlone() {
    Scenario s = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"))
        .manages("e1", "u1").manages("e2", "u2");
    s.action = RemovalAction.NONE;

    assertThat(s.plan().isEmpty()).isTrue();
  }

  @Test
  void usersMadeByHandAreNeverTouched() {
    DirectoryUser handMade = dirUser("u9", "hand-1", "username", "carol", "blocked", false);

    Plan plan = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"), handMade)
        .manages("e1", "u1").plan();

    assertThat(plan.isEmpty()).isTrue();
  }
}
