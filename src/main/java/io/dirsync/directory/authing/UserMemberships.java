package io.dirsync.directory.authing;

import java.util.List;
import java.util.Map;

/**
 * A user's groups, roles (by the namespaces asked for) and departments (in every org).
 */
public record UserMemberships(List<Group> groups, Map<String, List<Role>> roles, List<UserDepartment> departments) {
  public UserMemberships {
    groups = List.copyOf(groups);
    roles = Map.copyOf(roles);
    departments = List.copyOf(departments);
  }
}
