package io.dirsync.plan;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.Operation;
import io.dirsync.model.SkippedEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The department tree: missing departments created parents first, renamed and moved ones updated
 * in order of their depth in the final tree (so no move ever makes a cycle on the way). A
 * department whose parent is unknown, or whose parent chain would loop, is left out and reported.
 * Departments gone from the source are left alone. Pure.
 */
final class DepartmentPlanner {

  /** The result: operations in apply order, what was left out, and the codes memberships may use. */
  record Result(List<Operation> operations, List<SkippedEntry> skipped, Set<String> available, Set<String> orgCodes) {}

  private final Map<String, DesiredDepartment> desired = new LinkedHashMap<>();
  private final Map<String, DirectoryDepartment> existing = new HashMap<>();
  private final Map<String, String> problems = new HashMap<>();
  private final Map<String, Integer> depths = new HashMap<>();

  private DepartmentPlanner(List<DesiredDepartment> desired, List<DirectoryDepartment> existing) {
    desired.forEach(d -> this.desired.putIfAbsent(d.code(), d));
    existing.forEach(d -> this.existing.putIfAbsent(d.code(), d));
  }

  static Result plan(List<DesiredDepartment> desired, List<DirectoryDepartment> existing) {
    return new DepartmentPlanner(desired, existing).run();
  }

  private Result run() {
    List<DesiredDepartment> valid = new ArrayList<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    for (DesiredDepartment d : desired.values()) {
      String problem = problem(d.code());
      if (problem == null) valid.add(d);
      else skipped.add(new SkippedEntry(d.sourceDn() == null ? d.code() : d.sourceDn(), "departments", problem));
    }
    valid.sort(Comparator.comparingInt((DesiredDepartment d) -> depths.get(d.code())).thenComparing(DesiredDepartment::code));
    List<Operation> ops = new ArrayList<>();
    for (DesiredDepartment d : valid) {
      DirectoryDepartment now = existing.get(d.code());
      if (now == null) {
        ops.add(new Operation.CreateDepartment(d.code(), d.name(), d.parentCode()));
      } else if (!d.name().equals(now.name()) || !Objects.equals(d.parentCode(), now.parentCode())) {
        ops.add(new Operation.UpdateDepartment(d.code(), d.name(), d.parentCode(), now.name(), now.parentCode()));
      }
    }
    Set<String> available = new TreeSet<>(existing.keySet());
    valid.forEach(d -> available.add(d.code()));
    skipped.sort(Comparator.comparing(SkippedEntry::dn));
    return new Result(List.copyOf(ops), List.copyOf(skipped), Set.copyOf(available), Set.copyOf(existing.keySet()));
  }

  /** Why a desired department cannot be placed, or null; memoises depths in the final tree. */
  private String problem(String code) {
    if (problems.containsKey(code)) return problems.get(code);
    if (depths.containsKey(code)) return null;
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = code;
    String problem = null;
    int baseDepth = 0;
    while (current != null) {
      if (depths.containsKey(current)) { baseDepth = depths.get(current) + 1; break; }
      if (problems.containsKey(current)) { problem = "parent " + current + " cannot be placed: " + problems.get(current); break; }
      if (!seen.add(current)) { problem = "parent chain loops through " + current; break; }
      if (!desired.containsKey(current) && !existing.containsKey(current)) {
        problem = "parent " + current + " is neither in the source nor in the directory";
        break;
      }
      chain.add(current);
      current = finalParent(current);
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (problem != null) problems.put(chain.get(i), problem);
      else depths.put(chain.get(i), baseDepth + (chain.size() - 1 - i));
    }
    return problems.get(code);
  }

  private String finalParent(String code) {
    DesiredDepartment d = desired.get(code);
    return d != null ? d.parentCode() : existing.get(code).parentCode();
  }
}
