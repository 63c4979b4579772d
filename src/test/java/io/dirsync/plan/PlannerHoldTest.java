package io.dirsync.plan;

import static io.dirsync.plan.Scenario.dirUser;
import static io.dirsync.plan.Scenario.ext;
import static io.dirsync.plan.Scenario.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.ContainerRemoval;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.HeldContainers;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Groups and departments whose entries the mapping skipped are held: no one loses a membership for a bad entry. */
class PlannerHoldTest {

  private static HeldContainers groups(String... codes) {
    return new HeldContainers(Set.of(codes), false, Set.of(), false, Set.of());
  }

  private static final HeldContainers UNKNOWN_GROUP = new HeldContainers(Set.of(), true, Set.of(), false, Set.of());
  private static final HeldContainers UNKNOWN_DEPARTMENT = new HeldContainers(Set.of(), false, Set.of(), true, Set.of());

  /** Ann and Bob are in the managed group dev; its entry was skipped, so no one is a member in the desired state. */
  private static Scenario devSkipped() {
    return new Scenario()
        .want(user("e1", "username", "ann"), user("e2", "username", "bob"))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev"), Set.of(), Set.of(), null),
            dirUser("u2", "e2", "username", "bob").withMemberships(Set.of("dev"), Set.of(), Set.of(), null))
        .manages("e1", "u1").manages("e2", "u2").managesRemoved("e3", "u3")
        .groupsExist("dev")
        .managedBefore(Set.of("dev"), Set.of(), Set.of())
        .groupMembers("dev", "u1", "u2", "u3")
        .retire(ContainerRemoval.DELETE, ContainerRemoval.DELETE);
  }

  @Test
  void withoutAHoldASkippedGroupEntryLooksGoneAndIsRetired() {
    Plan plan = devSkipped().plan();

    assertThat(plan.operations()).contains(new Operation.DeleteGroup("dev"));
  }

  @Test
  void aHeldGroupIsNeitherRetiredNorEmptiedAndStaysManaged() {
    Planner.Planned planned = new Planner().planned(devSkipped().held(groups("dev")).input());

    assertThat(planned.plan().operations()).noneMatch(op -> op instanceof Operation.DeleteGroup || op instanceof Operation.RemoveFromGroup);
    assertThat(planned.plan().retired()).isEmpty();
    assertThat(planned.managedContainers().groups()).containsExactly("dev");
  }

  @Test
  void aHeldGroupGainsNoMembersAndIsNotCreated() {
    Scenario s = new Scenario()
        .want(user("e1", "username", "ann").withGroups(Set.of("dev", "new")))
        .has(dirUser("u1", "e1", "username", "ann"))
        .manages("e1", "u1").groupsExist("dev")
        .held(groups("dev", "new"));
    s.desiredGroups.add(new DesiredGroup("new", "New", null));

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().operations()).isEmpty();
    assertThat(planned.plan().skipped()).as("a held group is not reported as missing").isEmpty();
    assertThat(planned.managedContainers().groups()).as("not managed before, so not managed now").isEmpty();
  }

  @Test
  void aGroupEntryOfUnknownCodeHoldsEveryGroupRetirementWhileTheRestGoesOn() {
    Scenario s = devSkipped().held(UNKNOWN_GROUP);
    s.desired.set(0, user("e1", "username", "ann").withGroups(Set.of("ops")));
    s.found.set(1, dirUser("u2", "e2", "username", "bob").withMemberships(Set.of("dev", "ops"), Set.of(), Set.of(), null));
    s.groupsExist("ops").managedBefore(Set.of("dev", "ops"), Set.of(), Set.of());

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().operations()).containsExactly(
        new Operation.AddToGroup("ops", List.of(ext("e1"))),
        new Operation.RemoveFromGroup("ops", List.of(ext("e2"))));
    assertThat(planned.managedContainers().groups()).containsExactlyInAnyOrder("dev", "ops");
  }

  @Test
  void onADeltaRunAGroupEntryOfUnknownCodeKeepsEveryoneInTheGroupsTheRunDidNotSee() {
    Scenario s = new Scenario()
        .want(user("e1", "username", "ann").withGroups(Set.of("ops")))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev", "ops"), Set.of(), Set.of(), null))
        .manages("e1", "u1").groupsExist("dev", "ops")
        .managedBefore(Set.of("dev", "ops"), Set.of(), Set.of())
        .delta("e1");

    assertThat(s.plan().operations()).containsExactly(new Operation.RemoveFromGroup("dev", List.of(ext("e1"))));
    assertThat(s.held(UNKNOWN_GROUP).plan().operations()).isEmpty();
  }

  /**
   * Ada's entry sits under ou=Platform, whose entry was skipped: the mapping placed her in the
   * department above (eng). Cy moved from Platform to Sales.
   */
  private static Scenario platformSkipped() {
    return new Scenario()
        .want(user("ada", "username", "ada").withDepartments(Set.of("eng"), "eng"),
            user("cy", "username", "cy").withDepartments(Set.of("sales"), "sales"))
        .has(dirUser("u1", "ada", "username", "ada").withMemberships(Set.of(), Set.of(), Set.of("eng-platform"), "eng-platform"),
            dirUser("u2", "cy", "username", "cy").withMemberships(Set.of(), Set.of(), Set.of("eng-platform"), "eng-platform"))
        .manages("ada", "u1").manages("cy", "u2")
        .departmentExists("eng", "Eng", null).departmentExists("eng-platform", "Platform", "eng").departmentExists("sales", "Sales", null)
        .wantDepartment("eng", "Eng", null).wantDepartment("sales", "Sales", null)
        .departmentMembers("eng-platform", "u1", "u2")
        .managedBefore(Set.of(), Set.of(), Set.of("eng", "eng-platform", "sales"))
        .retire(ContainerRemoval.DELETE, ContainerRemoval.DELETE);
  }

  @Test
  void withoutAHoldUsersUnderASkippedOuAreMovedUpAndTheDepartmentIsDeleted() {
    Plan plan = platformSkipped().plan();

    assertThat(plan.operations()).contains(new Operation.SetMainDepartment(ext("ada"), "eng", "eng-platform"),
        new Operation.DeleteDepartment("eng-platform", "Platform"));
  }

  @Test
  void usersUnderAHeldOuKeepTheirDepartmentsAndTheHeldDepartmentIsNotRetired() {
    Scenario s = platformSkipped().held(new HeldContainers(Set.of(), false, Set.of("eng-platform"), false, Set.of(ext("ada"))));

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().operations()).containsExactly(
        new Operation.AddToDepartment("sales", List.of(ext("cy"))),
        new Operation.SetMainDepartment(ext("cy"), "sales", "eng-platform"));
    assertThat(planned.managedContainers().departments()).containsExactlyInAnyOrder("eng", "eng-platform", "sales");
  }

  @Test
  void aHeldDepartmentIsNeitherCreatedNorChangedNorUsed() {
    Scenario s = new Scenario()
        .want(user("ada", "username", "ada").withDepartments(Set.of("new", "eng"), "new"))
        .has(dirUser("u1", "ada", "username", "ada"))
        .manages("ada", "u1")
        .departmentExists("eng", "Eng", null)
        .wantDepartment("eng", "Engineering", null).wantDepartment("new", "New", null)
        .held(new HeldContainers(Set.of(), false, Set.of("eng", "new"), false, Set.of()));

    Plan plan = s.plan();

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void anOuOfUnknownCodeHoldsEveryDepartmentRetirementAndRemovalWhileTheRestGoesOn() {
    Scenario s = platformSkipped().held(UNKNOWN_DEPARTMENT);

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().operations()).containsExactly(
        new Operation.AddToDepartment("eng", List.of(ext("ada"))),
        new Operation.AddToDepartment("sales", List.of(ext("cy"))),
        new Operation.SetMainDepartment(ext("ada"), "eng", "eng-platform"),
        new Operation.SetMainDepartment(ext("cy"), "sales", "eng-platform"));
    assertThat(planned.plan().retired()).isEmpty();
    assertThat(planned.managedContainers().departments()).containsExactlyInAnyOrder("eng", "eng-platform", "sales");
  }
}
