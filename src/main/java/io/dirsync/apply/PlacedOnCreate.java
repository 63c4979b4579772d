package io.dirsync.apply;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Users a batch create made together with their custom data, departments and main department
 * ({@code Directory.createUsers}): the plan's department operations for them are already done.
 */
final class PlacedOnCreate {
  private final ConcurrentMap<ExternalId, DesiredUser> users = new ConcurrentHashMap<>();

  void add(DesiredUser user) {
    users.put(user.externalId(), user);
  }

  boolean inDepartment(ExternalId user, String departmentCode) {
    DesiredUser u = users.get(user);
    return u != null && u.departments().contains(departmentCode);
  }

  boolean hasMain(ExternalId user, String departmentCode) {
    DesiredUser u = users.get(user);
    return u != null && departmentCode != null && Objects.equals(u.mainDepartment(), departmentCode);
  }
}
