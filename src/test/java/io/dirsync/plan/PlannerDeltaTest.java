package io.dirsync.plan;

import static io.dirsync.plan.Scenario.dirUser;
import static io.dirsync.plan.Scenario.ext;
import static io.dirsync.plan.Scenario.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.ManagedContainers;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A delta run's plan: only users it read or was told are gone may be removed; nothing is retired. */
class PlannerDeltaTest {

  @Test
  void aDeltaRunNeverRemovesUsersItDidNotRead() {
    Plan plan = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"))
        .manages("e1", "u1").manages("e2", "u2").manages("e3", "u3").delta("e1").plan();

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.removals()).isZero();
  }

  @Test
  void aDeltaRunRemovesTheUsersTheSourceReportedGone() {
    Plan plan = new Scenario().manages("e2", "u2").manages("e3", "u3").delta("e2").plan();

    assertThat(plan.operations()).containsExactly(new Operation.BlockUser(ext("e2"), "u2"));
  }

  @Test
  void aDeltaRunRetiresNothingAndKeepsWhatTheJobManages() {
    Scenario s = new Scenario().want(user("e1", "username", "ann").withGroups(Set.of("dev")))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("dev"), Set.of(), Set.of(), null))
        .manages("e1", "u1").groupsExist("dev", "admins").managedBefore(Set.of("dev", "admins"), Set.of(), Set.of("d1"))
        .groupMembers("admins", "u1", "u2").delta("e1");

    Planner.Planned planned = new Planner().planned(s.input());

    assertThat(planned.plan().operations()).isEmpty();
    assertThat(planned.plan().retired()).isEmpty();
    assertThat(planned.managedContainers()).isEqualTo(new ManagedContainers(Set.of("dev", "admins"), Set.of(), Set.of("d1")));
  }

  @Test
  void aUserADeltaRunReadLosesAManagedGroupNoUserItReadNamesAnyMore() {
    Plan plan = new Scenario().want(user("e1", "username", "ann"))
        .has(dirUser("u1", "e1", "username", "ann").withMemberships(Set.of("vpn"), Set.of(), Set.of(), null))
        .manages("e1", "u1").groupsExist("vpn").managedBefore(Set.of("vpn"), Set.of(), Set.of()).delta("e1").plan();

    assertThat(plan.operations()).containsExactly(new Operation.RemoveFromGroup("vpn", List.of(ext("e1"))));
  }
}
