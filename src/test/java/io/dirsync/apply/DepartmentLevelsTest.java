package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepartmentLevelsTest {

  private static Operation create(String code, String parent) {
    return new Operation.CreateDepartment(code, code.toUpperCase(), parent);
  }

  private static Operation delete(String code) {
    return new Operation.DeleteDepartment(code, code.toUpperCase());
  }

  private static List<List<String>> codes(List<List<Operation>> levels) {
    return levels.stream().map(l -> l.stream().map(Operation::target).toList()).toList();
  }

  @Test
  void createsUnderDepartmentsThatExistComeFirstThenEachLevelUnderTheOneBefore() {
    List<Operation> ops = List.of(create("hq", null), create("ext-child", "existing"), create("rnd", "hq"),
        create("sales", "hq"), create("rnd-eu", "rnd"), create("rnd-eu-fr", "rnd-eu"));

    assertThat(codes(DepartmentLevels.changes(ops))).containsExactly(
        List.of("hq", "ext-child"), List.of("rnd", "sales"), List.of("rnd-eu"), List.of("rnd-eu-fr"));
  }

  @Test
  void aChildListedBeforeItsParentStillComesAfterIt() {
    List<Operation> ops = List.of(create("leaf", "mid"), create("mid", "top"), create("top", null));

    assertThat(codes(DepartmentLevels.changes(ops))).containsExactly(List.of("top"), List.of("mid"), List.of("leaf"));
  }

  @Test
  void renamesGoWithTheFirstLevelAndMovesOneByOneAfterEveryCreateInPlanOrder() {
    Operation rename = new Operation.UpdateDepartment("old", "New name", "hq", "Old name", "hq");
    Operation moveUp = new Operation.UpdateDepartment("q", "Q", null, "Q", "p");
    Operation moveUnderNew = new Operation.UpdateDepartment("p", "P renamed", "fresh", "P", null);
    List<Operation> ops = List.of(create("fresh", null), moveUp, rename, create("fresh-child", "fresh"), moveUnderNew);

    assertThat(DepartmentLevels.changes(ops)).containsExactly(
        List.of(create("fresh", null), rename), List.of(create("fresh-child", "fresh")), List.of(moveUp), List.of(moveUnderNew));
  }

  @Test
  void aLoopOfCreatesEndsInsteadOfSpinning() {
    List<Operation> ops = List.of(create("a", "b"), create("b", "a"));

    assertThat(DepartmentLevels.changes(ops)).flatMap(l -> l).hasSize(2);
  }

  @Test
  void deletesGoChildrenFirstWithEveryDepartmentOfOneHeightTogether() {
    Map<String, String> parentOf = Map.of("root", "top", "a", "root", "a1", "a", "a2", "a", "a11", "a1", "b", "root", "kept", "a");
    List<Operation> ops = List.of(delete("a11"), delete("a1"), delete("a2"), delete("b"), delete("a"), delete("root"));

    assertThat(codes(DepartmentLevels.deletes(ops, parentOf))).containsExactly(
        List.of("a11", "a2", "b"), List.of("a1"), List.of("a"), List.of("root"));
  }

  @Test
  void deletesGoOneByOneInPlanOrderWhenTheTreeIsUnknown() {
    List<Operation> ops = List.of(delete("child"), delete("parent"), delete("other"));

    assertThat(codes(DepartmentLevels.deletes(ops, null))).containsExactly(List.of("child"), List.of("parent"), List.of("other"));
  }

  @Test
  void aLoopingTreeDoesNotStopTheDeletesFromBeingSplit() {
    Map<String, String> parentOf = new HashMap<>(Map.of("x", "y", "y", "x"));
    parentOf.put("z", null);
    List<Operation> ops = List.of(delete("x"), delete("y"), delete("z"));

    assertThat(DepartmentLevels.deletes(ops, parentOf)).flatMap(l -> l).containsExactlyInAnyOrderElementsOf(ops);
  }
}
