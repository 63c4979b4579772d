package io.dirsync.apply;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What users' creates already did beyond the user itself: a batch create ({@code
 * Directory.createUsers}) makes them with their departments and main department, a single create
 * ({@code Directory.createUser}) may set the main department. The plan's operations for those are
 * then done.
 */
final class PlacedOnCreate {
  private final ConcurrentMap<ExternalId, DesiredUser> users = new ConcurrentHashMap<>();
  private final ConcurrentMap<ExternalId, String> mainDepartments = new ConcurrentHashMap<>();

  /** A user a batch create made with its departments and main department. */
  void add(DesiredUser user) {
    users.put(user.externalId(), user);
  }

  /** A user whose create set this main department (not its departments). */
  void mainDepartment(ExternalId user, String departmentCode) {
    mainDepartments.put(user, departmentCode);
  }

  boolean inDepartment(ExternalId user, String departmentCode) {
    DesiredUser u = users.get(user);
    return u != null && u.departments().contains(departmentCode);
  }

  boolean hasMain(ExternalId user, String departmentCode) {
    if (departmentCode == null) return false;
    DesiredUser u = users.get(user);
    return (u != null && departmentCode.equals(u.mainDepartment())) || departmentCode.equals(mainDepartments.get(user));
  }
}
