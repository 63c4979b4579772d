package io.dirsync.plan;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.HeldContainers;
import io.dirsync.model.Operation;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which groups, roles and departments memberships may name, and which of them dirsync manages (so
 * only memberships in those are ever removed). Missing groups and roles are created when the
 * desired state allows it, otherwise their memberships are left out and reported. Pure.
 */
final class Catalog {

  private final Set<String> managedGroups;
  private final Set<String> usableGroups;
  private final Set<String> roleNamespaces;
  private final Set<RoleRef> usableRoles;
  private final Set<String> usableDepartments;
  private final Set<String> orgDepartments;
  private final Retirement retirement;
  private final List<Operation> creates = new ArrayList<>();
  private final List<SkippedEntry> skipped = new ArrayList<>();

  Catalog(PlanInput in, Collection<DesiredUser> users, DepartmentPlanner.Result departments, Retirement retirement) {
    this.retirement = retirement;
    DesiredState d = in.desired();
    HeldContainers held = d.held();
    Map<String, String> groupNames = new TreeMap<>();
    d.groups().forEach(g -> groupNames.putIfAbsent(g.code(), g.name()));
    users.forEach(u -> u.groups().forEach(code -> groupNames.putIfAbsent(code, code)));
    groupNames.keySet().removeAll(held.groups());
    Set<String> managed = new TreeSet<>(groupNames.keySet());
    // named by users this delta run did not read; with a held group of unknown code, any of them may be it
    if (in.partial() && !held.unknownGroup()) managed.addAll(in.managedContainers().groups());
    managed.removeAll(held.groups());
    managedGroups = Set.copyOf(managed);
    Set<String> existingGroups = new TreeSet<>();
    in.groups().forEach(g -> existingGroups.add(g.code()));
    existingGroups.removeAll(held.groups());
    usableGroups = new TreeSet<>(existingGroups);
    groupNames.forEach((code, name) -> {
      if (existingGroups.contains(code)) return;
      if (d.createMissingGroups()) {
        creates.add(new Operation.CreateGroup(code, name));
        usableGroups.add(code);
      } else {
        skipped.add(missing("groups", "group " + code, "creating missing groups is off", count(users, u -> u.groups(), code)));
      }
    });

    Set<RoleRef> wantedRoles = new TreeSet<>(d.roles());
    users.forEach(u -> wantedRoles.addAll(u.roles()));
    Set<String> namespaces = new TreeSet<>();
    wantedRoles.forEach(r -> namespaces.add(r.namespace()));
    in.existingRoles().forEach(r -> namespaces.add(r.namespace()));
    roleNamespaces = Set.copyOf(namespaces);
    usableRoles = new TreeSet<>(in.existingRoles());
    for (RoleRef role : wantedRoles) {
      if (in.existingRoles().contains(role)) continue;
      if (d.createMissingRoles()) {
        creates.add(new Operation.CreateRole(role));
        usableRoles.add(role);
      } else {
        skipped.add(missing("roles", "role " + role, "creating missing roles is off", count(users, u -> u.roles(), role)));
      }
    }

    usableDepartments = new TreeSet<>(departments.available());
    usableDepartments.removeAll(held.departments());
    orgDepartments = new TreeSet<>(departments.orgCodes());
    orgDepartments.removeAll(held.departments());
    if (held.unknownDepartment()) orgDepartments.clear(); // any of them may be the held one: no department membership is removed
    Set<String> referenced = new TreeSet<>();
    users.forEach(u -> referenced.addAll(u.departments()));
    referenced.removeAll(held.departments());
    for (String code : referenced) {
      if (usableDepartments.contains(code)) continue;
      skipped.add(missing("departments", "department " + code, "it is neither in the source nor in the directory",
          count(users, u -> u.departments(), code)));
    }
  }

  private static <T> long count(Collection<DesiredUser> users, Function<DesiredUser, Set<T>> of, T item) {
    return users.stream().filter(u -> of.apply(u).contains(item)).count();
  }

  private static SkippedEntry missing(String rule, String what, String why, long memberships) {
    return new SkippedEntry(what, rule, what + " does not exist in the directory and " + why + "; "
        + memberships + " membership(s) left out");
  }

  /** Groups the source names, and those that left it but stay (their managed memberships are revoked). */
  boolean managesGroup(String code) { return managedGroups.contains(code) || retirement.revokedGroups().contains(code); }

  boolean canUseGroup(String code) { return usableGroups.contains(code); }

  boolean managesRole(RoleRef role) { return roleNamespaces.contains(role.namespace()) || retirement.revokedRoles().contains(role); }

  boolean canUseRole(RoleRef role) { return usableRoles.contains(role); }

  boolean canUseDepartment(String code) { return usableDepartments.contains(code); }

  /**
   * Departments of the managed org as the directory holds them now (memberships in others are never
   * removed), except those about to be deleted (their memberships go with them).
   */
  boolean managesDepartment(String code) { return orgDepartments.contains(code) && !retirement.deletedDepartments().contains(code); }

  List<Operation> creates() { return List.copyOf(creates); }

  List<SkippedEntry> skipped() { return List.copyOf(skipped); }

}
