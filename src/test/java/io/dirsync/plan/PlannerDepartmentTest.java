package io.dirsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import org.junit.jupiter.api.Test;

class PlannerDepartmentTest {

  @Test
  void theDepartmentTreeIsCreatedParentsFirst() {
    Plan plan = new Scenario()
        .wantDepartment("leaf", "Leaf", "mid")
        .wantDepartment("mid", "Mid", "top")
        .wantDepartment("top", "Top", null)
        .plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.CreateDepartment("top", "Top", null),
        new Operation.CreateDepartment("mid", "Mid", "top"),
        new Operation.CreateDepartment("leaf", "Leaf", "mid"));
  }

  @Test
  void aRenamedDepartmentIsUpdatedWithItsPreviousName() {
    Plan plan = new Scenario().departmentExists("rnd", "R and D", null).wantDepartment("rnd", "R&D", null).plan();

    assertThat(plan.operations()).containsExactly(new Operation.UpdateDepartment("rnd", "R&D", null, "R and D", null));
  }

  @Test
  void movesAreOrderedByDepthInTheNewTreeSoNoMoveMakesACycle() {
    // now: x at the top, a under x, p under a; wanted: a at the top, p under a, x under p
    Plan plan = new Scenario()
        .departmentExists("x", "X", null).departmentExists("a", "A", "x").departmentExists("p", "P", "a")
        .wantDepartment("x", "X", "p").wantDepartment("a", "A", null).wantDepartment("p", "P", "a")
        .plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateDepartment("a", "A", null, "A", "x"),
        new Operation.UpdateDepartment("x", "X", "p", "X", null));
  }

  @Test
  void aDepartmentWhoseParentChainLoopsIsLeftOutAndReported() {
    Plan plan = new Scenario()
        .wantDepartment("a", "A", "b").wantDepartment("b", "B", "a").wantDepartment("ok", "Ok", null)
        .plan();

    assertThat(plan.operations()).containsExactly(new Operation.CreateDepartment("ok", "Ok", null));
    assertThat(plan.skipped()).hasSize(2).allSatisfy(e -> assertThat(e.reason()).contains("loops"));
  }

  @Test
  void departmentsGoneFromTheSourceAreLeftAlone() {
    Plan plan = new Scenario().departmentExists("old", "Old", null).wantDepartment("new", "New", null).plan();

    assertThat(plan.operations()).containsExactly(new Operation.CreateDepartment("new", "New", null));
  }

  @Test
  void aDepartmentUnderAnUnknownParentIsReported() {
    Plan plan = new Scenario().wantDepartment("a", "A", "nowhere").plan();

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.skipped()).singleElement().satisfies(e -> assertThat(e.reason()).contains("nowhere"));
  }
}
