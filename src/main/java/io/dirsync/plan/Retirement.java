package io.dirsync.plan;

import io.dirsync.model.ContainerRemoval;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.Operation;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Managed groups, roles and departments that left the source (deleted there, or no longer matched
 * by the mapping): which are deleted (per {@link RetirePolicy}) and which only lose their managed
 * members. A department is deleted only when everything under it goes too, children first; one
 * that must stay because of a child is emptied instead and reported. Pure.
 */
public final class Retirement {

  private final Set<String> deletedGroups = new TreeSet<>();
  private final Set<String> revokedGroups = new TreeSet<>();
  private final Set<RoleRef> revokedRoles = new TreeSet<>();
  private final List<String> deletedDepartments = new ArrayList<>();
  private final Set<String> revokedDepartments = new TreeSet<>();
  private final List<SkippedEntry> skipped = new ArrayList<>();

  /**
   * The groups, roles and departments the desired state names (what the job manages after this run),
   * but the held ones: a held group or department is managed after the run only if it was before.
   */
  public static ManagedContainers inSource(DesiredState d) {
    Set<String> groups = new TreeSet<>();
    Set<RoleRef> roles = new TreeSet<>(d.roles());
    Set<String> departments = new TreeSet<>();
    d.groups().forEach(g -> groups.add(g.code()));
    d.departments().forEach(x -> departments.add(x.code()));
    d.users().forEach(u -> {
      groups.addAll(u.groups());
      roles.addAll(u.roles());
      departments.addAll(u.departments());
      if (u.mainDepartment() != null) departments.add(u.mainDepartment());
    });
    return new ManagedContainers(groups, roles, departments).minus(d.held().codes());
  }

  /** Those the job managed that the desired state no longer names and that no skipped entry holds. */
  public static ManagedContainers leaving(DesiredState d, ManagedContainers managed) {
    return managed.minus(inSource(d)).minus(d.held().kept(managed));
  }

  static Retirement plan(PlanInput in) {
    Retirement r = new Retirement();
    if (in.partial()) return r; // a delta run does not see every user: containers retire on full runs only
    ManagedContainers leaving = leaving(in.desired(), in.managedContainers());
    Set<String> existingGroups = new TreeSet<>();
    in.groups().stream().map(DirectoryGroup::code).forEach(existingGroups::add);
    for (String g : leaving.groups()) {
      if (!existingGroups.contains(g)) continue;
      (in.retire().groups() == ContainerRemoval.DELETE ? r.deletedGroups : r.revokedGroups).add(g);
    }
    r.revokedRoles.addAll(leaving.roles());
    r.departments(in, leaving.departments());
    return r;
  }

  private void departments(PlanInput in, Set<String> leaving) {
    Map<String, DirectoryDepartment> existing = new HashMap<>();
    in.departments().forEach(d -> existing.putIfAbsent(d.code(), d));
    Map<String, String> finalParent = new HashMap<>();
    existing.values().forEach(d -> finalParent.put(d.code(), d.parentCode()));
    in.desired().departments().forEach(d -> finalParent.put(d.code(), d.parentCode()));
    Map<String, List<String>> children = new HashMap<>();
    finalParent.forEach((code, parent) -> {
      if (parent != null) children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
    });
    Set<String> gone = new TreeSet<>(leaving);
    gone.retainAll(existing.keySet());
    boolean delete = in.retire().departments() == ContainerRemoval.DELETE;
    Map<String, Boolean> deletable = new HashMap<>();
    List<String> toDelete = new ArrayList<>();
    for (String code : gone) {
      if (delete && deletable(code, gone, children, deletable, 0)) {
        toDelete.add(code);
      } else {
        revokedDepartments.add(code);
        if (delete) {
          skipped.add(new SkippedEntry("department " + code, "removal.departments",
              "department " + code + " left the source but is kept: a department under it stays; its managed members are removed"));
        }
      }
    }
    toDelete.sort(Comparator.comparingInt((String c) -> -depth(c, existing)).thenComparing(c -> c));
    deletedDepartments.addAll(toDelete);
  }

  private static boolean deletable(String code, Set<String> gone, Map<String, List<String>> children,
      Map<String, Boolean> memo, int depth) {
    Boolean known = memo.get(code);
    if (known != null) return known;
    boolean ok = gone.contains(code) && depth < 1000;
    for (String child : children.getOrDefault(code, List.of())) {
      if (!ok) break;
      ok = deletable(child, gone, children, memo, depth + 1);
    }
    memo.put(code, ok);
    return ok;
  }

  private static int depth(String code, Map<String, DirectoryDepartment> existing) {
    int depth = 0;
    for (String p = existing.get(code).parentCode(); p != null && existing.containsKey(p) && depth < 1000; p = existing.get(p).parentCode()) {
      depth++;
    }
    return depth;
  }

  /** The deletions, groups first, then departments children first. */
  List<Operation> deletions(Map<String, String> departmentNames) {
    List<Operation> ops = new ArrayList<>();
    deletedGroups.forEach(g -> ops.add(new Operation.DeleteGroup(g)));
    deletedDepartments.forEach(d -> ops.add(new Operation.DeleteDepartment(d, departmentNames.get(d))));
    return ops;
  }

  /** Groups that left the source and stay, emptied of managed members. */
  Set<String> revokedGroups() { return revokedGroups; }

  Set<String> deletedGroups() { return deletedGroups; }

  Set<RoleRef> revokedRoles() { return revokedRoles; }

  Set<String> revokedDepartments() { return revokedDepartments; }

  Set<String> deletedDepartments() { return new TreeSet<>(deletedDepartments); }

  List<SkippedEntry> skipped() { return List.copyOf(skipped); }
}
