package io.dirsync.plan;

import static io.dirsync.plan.Scenario.dirUser;
import static io.dirsync.plan.Scenario.ext;
import static io.dirsync.plan.Scenario.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.ContainerRemoval;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerRetirementTest {

  private static final RoleRef APP_VIEWER = new RoleRef("app1", "viewer");

  private static Scenario adminsLeftTheSource() {
    DesiredUser ann = user("e1", "username", "ann").withGroups(Set.of("dev"));
    DirectoryUser annHeld = dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev", "admins"), Set.of(), Set.of(), null);
    return new Scenario().want(ann).has(annHeld)
        .manages("e1", "u1").managesRemoved("e2", "u2")
        .groupsExist("dev", "admins")
        .managedBefore(Set.of("dev", "admins"), Set.of(), Set.of())
        .groupMembers("admins", "u1", "u2", "u9-by-hand");
  }

  @Test
  void aGroupThatLeftTheSourceLosesEveryManagedMemberAndIsKeptByDefault() {
    Plan plan = adminsLeftTheSource().plan();

    assertThat(plan.operations()).containsExactly(new Operation.RemoveFromGroup("admins", List.of(ext("e1"), ext("e2"))));
    assertThat(plan.retired()).containsExactly("group admins");
  }

  @Test
  void aGroupThatLeftTheSourceIsDeletedWhenConfigured() {
    Plan plan = adminsLeftTheSource().retire(ContainerRemoval.DELETE, ContainerRemoval.DELETE).plan();

    assertThat(plan.operations()).containsExactly(new Operation.DeleteGroup("admins"));
    assertThat(plan.retired()).containsExactly("group admins");
  }

  @Test
  void aGroupThatLeftTheSourceAndIsGoneFromTheDirectoryIsForgotten() {
    Scenario s = new Scenario().want(user("e1", "username", "ann").withGroups(Set.of("dev")))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev"), Set.of(), Set.of(), null))
        .groupsExist("dev").managedBefore(Set.of("dev", "admins"), Set.of(), Set.of());

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().isEmpty()).isTrue();
    assertThat(planned.plan().retired()).isEmpty();
    assertThat(planned.managedContainers().groups()).containsExactly("dev");
  }

  @Test
  void aRetiredGroupIsStillManagedUntilItsRevocationIsDone() {
    Planner.Planned planned = new Planner().planned(adminsLeftTheSource().input());

    assertThat(planned.managedContainers().groups()).containsExactlyInAnyOrder("dev", "admins");
  }

  @Test
  void aGroupWhoseManagedMembersAreAllGoneNeedsNothingAndIsForgotten() {
    Scenario s = adminsLeftTheSource().groupMembers("admins", "u9-by-hand");
    s.found.clear();
    s.has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev"), Set.of(), Set.of(), null));

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().operations()).isEmpty();
    assertThat(planned.managedContainers().groups()).containsExactly("dev");
  }

  @Test
  void aRoleThatLeftTheSourceIsRevokedFromManagedMembersEvenInANamespaceNoLongerUsed() {
    DesiredUser ann = user("e1", "username", "ann");
    DirectoryUser annHeld = dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(APP_VIEWER), Set.of(), null);

    Plan plan = new Scenario().want(ann).has(annHeld).managesRemoved("e2", "u2").rolesExist(APP_VIEWER)
        .managedBefore(Set.of(), Set.of(APP_VIEWER), Set.of())
        .roleMembers(APP_VIEWER, "u1", "u2", "u9-by-hand").plan();

    assertThat(plan.operations()).containsExactly(new Operation.RevokeRole(APP_VIEWER, List.of(ext("e1"), ext("e2"))));
    assertThat(plan.retired()).containsExactly("role app1:viewer");
  }

  @Test
  void departmentsThatLeftTheSourceAreDeletedChildrenFirst() {
    Plan plan = new Scenario().want(user("e1", "username", "ann").withDepartments(Set.of("x"), "x"))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(), Set.of("x", "c"), "c"))
        .departmentExists("a", "A", null).departmentExists("b", "B", "a").departmentExists("c", "C", "b")
        .departmentExists("x", "X", null).wantDepartment("x", "X", null)
        .managedBefore(Set.of(), Set.of(), Set.of("a", "b", "c", "x")).plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.SetMainDepartment(ext("e1"), "x", "c"),
        new Operation.DeleteDepartment("c", "C"),
        new Operation.DeleteDepartment("b", "B"),
        new Operation.DeleteDepartment("a", "A"));
    assertThat(plan.retired()).containsExactly("department a", "department b", "department c");
  }

  @Test
  void aDepartmentThatLeftTheSourceIsKeptAndEmptiedWhileADepartmentUnderItStays() {
    Plan plan = new Scenario().want(user("e1", "username", "ann").withDepartments(Set.of("b"), "b"))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(), Set.of("a", "b"), "b"))
        .managesRemoved("e2", "u2")
        .departmentExists("a", "A", null).departmentExists("b", "B", "a").wantDepartment("b", "B", "a")
        .departmentMembers("a", "u1", "u2", "u9-by-hand")
        .managedBefore(Set.of(), Set.of(), Set.of("a", "b")).plan();

    assertThat(plan.operations()).containsExactly(new Operation.RemoveFromDepartment("a", List.of(ext("e1"), ext("e2"))));
    assertThat(plan.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("a department under it stays"));
  }

  @Test
  void aDepartmentMovedOutFromUnderALeavingParentLetsTheParentGo() {
    Plan plan = new Scenario().want(user("e1", "username", "ann").withDepartments(Set.of("b"), "b"))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(), Set.of("b"), "b"))
        .departmentExists("a", "A", null).departmentExists("b", "B", "a").departmentExists("x", "X", null)
        .wantDepartment("x", "X", null).wantDepartment("b", "B", "x")
        .managedBefore(Set.of(), Set.of(), Set.of("a", "b", "x")).plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateDepartment("b", "B", "x", "B", "a"),
        new Operation.DeleteDepartment("a", "A"));
  }

  @Test
  void departmentsAreKeptAndEmptiedWhenConfigured() {
    Plan plan = new Scenario().want(user("e1", "username", "ann"))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of(), Set.of(), Set.of("a"), null))
        .departmentExists("a", "A", null)
        .departmentMembers("a", "u1")
        .retire(ContainerRemoval.KEEP, ContainerRemoval.KEEP)
        .managedBefore(Set.of(), Set.of(), Set.of("a")).plan();

    assertThat(plan.operations()).containsExactly(new Operation.RemoveFromDepartment("a", List.of(ext("e1"))));
    assertThat(plan.retired()).containsExactly("department a");
  }

  @Test
  void handMadeGroupsAndDepartmentsAreNeverRetired() {
    Plan plan = new Scenario().want(user("e1", "username", "ann").withGroups(Set.of("dev")))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev", "vip"), Set.of(), Set.of(), null))
        .groupsExist("dev", "vip").departmentExists("by-hand", "By hand", null)
        .retire(ContainerRemoval.DELETE, ContainerRemoval.DELETE)
        .groupMembers("vip", "u1")
        .managedBefore(Set.of("dev"), Set.of(), Set.of()).plan();

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void retiringMoreThanTheLimitStopsTheRun() {
    Plan plan = new Plan("job", Instant.EPOCH, List.of(new Operation.DeleteGroup("g1"), new Operation.DeleteGroup("g2")),
        5, 5, 5, List.of(), List.of("group g1", "group g2"));

    assertThat(Guards.check(plan, new GuardPolicy(100, 100, false, 1), 5))
        .hasValueSatisfying(v -> assertThat(v.reason()).contains("retires 2 groups, roles and departments").contains("maxRetired 1"));
    assertThat(Guards.check(plan, new GuardPolicy(100, 100, false, 2), 5)).isEmpty();
    assertThat(Guards.check(plan, new GuardPolicy(100, 100, true, 1), 5)).isEmpty();
  }

  @Test
  void theManagedSetAfterThePlanIsWhatTheSourceNames() {
    DesiredUser ann = user("e1", "username", "ann").withGroups(Set.of("dev")).withRoles(Set.of(APP_VIEWER)).withDepartments(Set.of("x"), "x");
    Planner.Planned planned = new Planner().planned(new Scenario().want(ann).groupsExist("dev").rolesExist(APP_VIEWER)
        .departmentExists("x", "X", null).input());

    assertThat(planned.managedContainers()).isEqualTo(new ManagedContainers(Set.of("dev"), Set.of(APP_VIEWER), Set.of("x")));
    assertThat(planned.plan().countsByKind()).doesNotContainKey(OperationKind.DELETE_GROUP);
  }
}
