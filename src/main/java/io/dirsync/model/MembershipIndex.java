package io.dirsync.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who belongs to which group, role and department, by the directory's user id, as read once per run
 * from the directory's member listings.
 *
 * @param groupMembers user ids by group code (every asked-for group present, possibly empty)
 * @param roleMembers user ids by role
 * @param departmentMembers user ids by department code
 * @param mainDepartments main department code by user id, for the users whose main department the
 *     directory told (absent: unknown or none)
 */
public record MembershipIndex(
    Map<String, Set<String>> groupMembers,
    Map<RoleRef, Set<String>> roleMembers,
    Map<String, Set<String>> departmentMembers,
    Map<String, String> mainDepartments) {

  public MembershipIndex {
    groupMembers = copy(groupMembers);
    roleMembers = copy(roleMembers);
    departmentMembers = copy(departmentMembers);
    mainDepartments = mainDepartments == null ? Map.of() : Map.copyOf(mainDepartments);
  }

  private static <K> Map<K, Set<String>> copy(Map<K, Set<String>> in) {
    if (in == null) return Map.of();
    Map<K, Set<String>> out = new HashMap<>();
    in.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }
}
