package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Collects membership changes user by user, then emits them grouped per group, role and
 * department, users sorted, at most 80 users per operation (the directory's batch limit).
 */
final class MembershipDiff {

  static final int CHUNK = 80;

  private final Catalog catalog;
  private final Map<String, SortedSet<ExternalId>> groupAdds = new TreeMap<>();
  private final Map<String, SortedSet<ExternalId>> groupRemoves = new TreeMap<>();
  private final Map<RoleRef, SortedSet<ExternalId>> roleAdds = new TreeMap<>();
  private final Map<RoleRef, SortedSet<ExternalId>> roleRemoves = new TreeMap<>();
  private final Map<String, SortedSet<ExternalId>> departmentAdds = new TreeMap<>();
  private final Map<String, SortedSet<ExternalId>> departmentRemoves = new TreeMap<>();
  private final List<Operation> mainDepartments = new ArrayList<>();
  private int changes;

  MembershipDiff(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Records what {@code want} needs; {@code have} is null for a user about to be created. Returns
   * whether anything changes.
   */
  boolean add(DesiredUser want, DirectoryUser have) {
    ExternalId id = want.externalId();
    int before = changes;
    SortedSet<String> haveGroups = have == null ? new TreeSet<>() : have.groups();
    SortedSet<RoleRef> haveRoles = have == null ? new TreeSet<>() : have.roles();
    SortedSet<String> haveDepartments = have == null ? new TreeSet<>() : have.departments();
    for (String g : want.groups()) {
      if (catalog.canUseGroup(g) && !haveGroups.contains(g)) put(groupAdds, g, id);
    }
    for (String g : haveGroups) {
      if (catalog.managesGroup(g) && !want.groups().contains(g)) put(groupRemoves, g, id);
    }
    for (RoleRef r : want.roles()) {
      if (catalog.canUseRole(r) && !haveRoles.contains(r)) put(roleAdds, r, id);
    }
    for (RoleRef r : haveRoles) {
      if (catalog.managesRole(r) && !want.roles().contains(r)) put(roleRemoves, r, id);
    }
    for (String d : want.departments()) {
      if (catalog.canUseDepartment(d) && !haveDepartments.contains(d)) put(departmentAdds, d, id);
    }
    for (String d : haveDepartments) {
      if (catalog.managesDepartment(d) && !want.departments().contains(d)) put(departmentRemoves, d, id);
    }
    String haveMain = have == null ? null : have.mainDepartment();
    String wantMain = want.mainDepartment();
    boolean settable = wantMain == null ? haveMain != null && catalog.managesDepartment(haveMain) : catalog.canUseDepartment(wantMain);
    if (settable && !Objects.equals(wantMain, haveMain)) {
      mainDepartments.add(new Operation.SetMainDepartment(id, wantMain, haveMain));
      changes++;
    }
    return changes != before;
  }

  /** Removes a managed user from a group that left the source (whether or not the user is still in the source). */
  void revokeGroup(String code, ExternalId id) {
    put(groupRemoves, code, id);
  }

  void revokeRole(RoleRef role, ExternalId id) {
    put(roleRemoves, role, id);
  }

  void revokeDepartment(String code, ExternalId id) {
    put(departmentRemoves, code, id);
  }

  List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    emit(groupAdds, ops, Operation.AddToGroup::new);
    emit(groupRemoves, ops, Operation.RemoveFromGroup::new);
    emit(roleAdds, ops, Operation.AssignRole::new);
    emit(roleRemoves, ops, Operation.RevokeRole::new);
    emit(departmentAdds, ops, Operation.AddToDepartment::new);
    emit(departmentRemoves, ops, Operation.RemoveFromDepartment::new);
    mainDepartments.stream()
        .sorted((a, b) -> a.target().compareTo(b.target()))
        .forEach(ops::add);
    return ops;
  }

  private <K> void put(Map<K, SortedSet<ExternalId>> map, K key, ExternalId id) {
    if (map.computeIfAbsent(key, k -> new TreeSet<>()).add(id)) changes++;
  }

  private static <K> void emit(Map<K, SortedSet<ExternalId>> map, List<Operation> ops, BiFunction<K, List<ExternalId>, Operation> make) {
    map.forEach((key, ids) -> {
      List<ExternalId> all = List.copyOf(ids);
      for (int i = 0; i < all.size(); i += CHUNK) {
        ops.add(make.apply(key, all.subList(i, Math.min(all.size(), i + CHUNK))));
      }
    });
  }

}
