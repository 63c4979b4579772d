package io.dirsync.model;

import java.util.List;

/**
 * Everything the mapping produced from one read of the source.
 *
 * @param createMissingGroups whether groups absent from the directory may be created
 * @param createMissingRoles whether roles absent from the directory may be created
 */
public record DesiredState(
    List<DesiredUser> users,
    List<DesiredDepartment> departments,
    List<DesiredGroup> groups,
    List<RoleRef> roles,
    List<SkippedEntry> skipped,
    boolean createMissingGroups,
    boolean createMissingRoles) {

  public DesiredState {
    users = List.copyOf(users);
    departments = departments == null ? List.of() : List.copyOf(departments);
    groups = groups == null ? List.of() : List.copyOf(groups);
    roles = roles == null ? List.of() : List.copyOf(roles);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }
}
