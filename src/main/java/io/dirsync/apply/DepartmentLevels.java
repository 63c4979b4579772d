package io.dirsync.apply;

import io.dirsync.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Department operations split into levels: the levels run one after the other, the operations of
 * one level at once. A directory refuses a department under a parent that does not exist yet, and
 * the deletion of one that still has departments under it; levels keep both from happening while
 * hundreds of departments are created (or deleted) concurrently instead of one by one. Pure.
 */
final class DepartmentLevels {
  private DepartmentLevels() {}

  /**
   * Creates and updates, given in plan order. The first level holds the creates whose parent the
   * plan does not create, and the renames; each next level the creates under the previous one's;
   * then each move is a level of its own, in plan order. Moves stay one by one because the planner
   * orders them by depth in the final tree so that no move makes a cycle on the way; two at once
   * could (one moving a department under another that a concurrent move is taking out from under
   * it), and whether they do depends on departments the plan does not name. No create needs a move
   * first: a parent only has to exist.
   */
  static List<List<Operation>> changes(List<Operation> ops) {
    Map<String, String> createdParent = new HashMap<>();
    for (Operation op : ops) {
      if (op instanceof Operation.CreateDepartment c) createdParent.putIfAbsent(c.code(), c.parentCode());
    }
    Map<String, Integer> depths = new HashMap<>();
    List<List<Operation>> levels = new ArrayList<>();
    List<Operation> moves = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof Operation.CreateDepartment c) at(levels, depth(c.code(), createdParent, depths)).add(op);
      else if (op instanceof Operation.UpdateDepartment u && !isMove(u)) at(levels, 0).add(op);
      else moves.add(op);
    }
    moves.forEach(m -> levels.add(List.of(m)));
    return levels.stream().filter(l -> !l.isEmpty()).map(List::copyOf).toList();
  }

  /**
   * Deletions, children first: a department one level after every department under it that is
   * deleted too, by {@code parentOf} (each department's parent code, as the directory holds them).
   * Without it (null), one by one in plan order: the planner puts children first.
   */
  static List<List<Operation>> deletes(List<Operation> ops, Map<String, String> parentOf) {
    if (parentOf == null) return ops.stream().map(List::of).toList();
    Set<String> deleted = ops.stream().map(Operation::target).collect(Collectors.toSet());
    Map<String, Integer> heights = new HashMap<>();
    for (String code : deleted) {
      heights.putIfAbsent(code, 0);
      String at = code;
      // the bound only guards against a looping tree: no chain of deleted departments is longer
      for (int height = 1; height <= deleted.size() && deleted.contains(parentOf.get(at)); height++) {
        at = parentOf.get(at);
        heights.merge(at, height, Math::max);
      }
    }
    List<List<Operation>> levels = new ArrayList<>();
    ops.forEach(op -> at(levels, heights.get(op.target())).add(op));
    return levels.stream().filter(l -> !l.isEmpty()).map(List::copyOf).toList();
  }

  static boolean isMove(Operation.UpdateDepartment u) {
    return !Objects.equals(u.parentCode(), u.previousParentCode());
  }

  /** How many of the department's ancestors the plan creates too; memoised in {@code depths}. */
  private static int depth(String code, Map<String, String> createdParent, Map<String, Integer> depths) {
    List<String> chain = new ArrayList<>(); // the department and its created ancestors of unknown depth, child first
    String at = code;
    // the bound only cuts a loop, which the planner never makes (the directory would refuse it)
    while (createdParent.containsKey(at) && !depths.containsKey(at) && chain.size() <= createdParent.size()) {
      chain.add(at);
      at = createdParent.get(at);
    }
    int depth = depths.containsKey(at) ? depths.get(at) + 1 : 0;
    for (int i = chain.size() - 1; i >= 0; i--) depths.put(chain.get(i), depth++);
    return depths.get(code);
  }

  private static List<Operation> at(List<List<Operation>> levels, int level) {
    while (levels.size() <= level) levels.add(new ArrayList<>());
    return levels.get(level);
  }
}
