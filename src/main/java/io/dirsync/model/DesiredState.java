package io.dirsync.model;

import java.util.List;
import java.util.Set;

/**
 * Everything the mapping produced from one read of the source.
 *
 * @param createMissingGroups whether groups absent from the directory may be created
 * @param createMissingRoles whether roles absent from the directory may be created
 * @param unmappedUsers externalIds of user entries the source delivered but the mapping skipped;
 *     such users are still in the source, so they are never blocked or deleted
 * @param held groups and departments whose entries the mapping skipped: left as they are (see
 *     {@link HeldContainers})
 */
public record DesiredState(
    List<DesiredUser> users,
    List<DesiredDepartment> departments,
    List<DesiredGroup> groups,
    List<RoleRef> roles,
    List<SkippedEntry> skipped,
    boolean createMissingGroups,
    boolean createMissingRoles,
    Set<ExternalId> unmappedUsers,
    HeldContainers held) {

  public DesiredState {
    users = List.copyOf(users);
    departments = departments == null ? List.of() : List.copyOf(departments);
    groups = groups == null ? List.of() : List.copyOf(groups);
    roles = roles == null ? List.of() : List.copyOf(roles);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    unmappedUsers = unmappedUsers == null ? Set.of() : Set.copyOf(unmappedUsers);
    held = held == null ? HeldContainers.NONE : held;
  }

  /** A desired state in which every group and department entry was mapped. */
  public DesiredState(List<DesiredUser> users, List<DesiredDepartment> departments, List<DesiredGroup> groups,
      List<RoleRef> roles, List<SkippedEntry> skipped, boolean createMissingGroups, boolean createMissingRoles,
      Set<ExternalId> unmappedUsers) {
    this(users, departments, groups, roles, skipped, createMissingGroups, createMissingRoles, unmappedUsers, HeldContainers.NONE);
  }

  /** A desired state in which every user entry was mapped. */
  public DesiredState(List<DesiredUser> users, List<DesiredDepartment> departments, List<DesiredGroup> groups,
      List<RoleRef> roles, List<SkippedEntry> skipped, boolean createMissingGroups, boolean createMissingRoles) {
    this(users, departments, groups, roles, skipped, createMissingGroups, createMissingRoles, Set.of());
  }
}
