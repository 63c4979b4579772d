package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Collects membership changes user by user, then emits them grouped per group, role and
 * department, users sorted, at most 80 users per operation (the directory's batch limit). Each
 * group, role and department gathers its users in a list, sorted and freed of repeats when emitted
 * (a tree set costs 40 bytes a membership: 160 MB for a first sync of a million users in 3 groups
 * and a department).
 */
final class MembershipDiff {

  static final int CHUNK = 80;

  private final Catalog catalog;
  /** Users under a held OU: their departments and main department are left as they are. */
  private final Set<ExternalId> placementHeld;
  private final Map<String, List<ExternalId>> groupAdds = new TreeMap<>();
  private final Map<String, List<ExternalId>> groupRemoves = new TreeMap<>();
  private final Map<RoleRef, List<ExternalId>> roleAdds = new TreeMap<>();
  private final Map<RoleRef, List<ExternalId>> roleRemoves = new TreeMap<>();
  private final Map<String, List<ExternalId>> departmentAdds = new TreeMap<>();
  private final Map<String, List<ExternalId>> departmentRemoves = new TreeMap<>();
  private final List<Operation> mainDepartments = new ArrayList<>();
  private int changes;

  MembershipDiff(Catalog catalog, Set<ExternalId> placementHeld) {
    this.catalog = catalog;
    this.placementHeld = placementHeld;
  }

  /**
   * Records what {@code want} needs; {@code have} is null for a user about to be created. Returns
   * whether anything changes.
   */
  boolean add(DesiredUser want, DirectoryUser have) {
    ExternalId id = want.externalId();
    int before = changes;
    SortedSet<String> haveGroups = have == null ? Collections.emptySortedSet() : have.groups();
    SortedSet<RoleRef> haveRoles = have == null ? Collections.emptySortedSet() : have.roles();
    SortedSet<String> haveDepartments = have == null ? Collections.emptySortedSet() : have.departments();
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
    if (placementHeld.contains(id)) return changes != before;
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

  /** One user's call per key and direction in {@link #add}; the revokes that follow may repeat one. */
  private <K> void put(Map<K, List<ExternalId>> map, K key, ExternalId id) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
    changes++;
  }

  /** Emits and empties {@code map}. */
  private static <K> void emit(Map<K, List<ExternalId>> map, List<Operation> ops, BiFunction<K, List<ExternalId>, Operation> make) {
    map.forEach((key, ids) -> {
      List<ExternalId> all = sortedDistinct(ids);
      for (int i = 0; i < all.size(); i += CHUNK) {
        ops.add(make.apply(key, all.subList(i, Math.min(all.size(), i + CHUNK))));
      }
    });
    map.clear();
  }

  private static List<ExternalId> sortedDistinct(List<ExternalId> ids) {
    ids.sort(null);
    int kept = 0;
    for (int i = 0; i < ids.size(); i++) {
      if (kept == 0 || !ids.get(i).equals(ids.get(kept - 1))) ids.set(kept++, ids.get(i));
    }
    return ids.subList(0, kept);
  }

}
