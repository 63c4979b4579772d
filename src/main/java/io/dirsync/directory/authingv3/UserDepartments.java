package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.directory.DirectoryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users' departments and main department. Member writes go 50 users a call
 * ({@code add-department-members} / {@code remove-department-members}, one department each: the
 * apply layer merges a plan's member operations by department). The main department can only be
 * set per user, by {@code set-user-departments}, which replaces the user's whole set in every
 * organization; so one such call carries a user's whole move (departments added, removed, main
 * department). It is sent with the set the look-up told ({@link KnownDepartments}), read first
 * ({@code get-user-departments}) only for a user no look-up of this adapter answered for.
 */
final class UserDepartments {
  private final Users users;
  private final Departments departments;
  private final KnownDepartments known = new KnownDepartments();

  UserDepartments(Users users, Departments departments) {
    this.users = users;
    this.departments = departments;
  }

  /** Remembers the departments of a user a look-up returned (asked {@code withDepartmentIds}). */
  void saw(JsonNode user) {
    JsonNode ids = user.get("departmentIds");
    if (ids == null || !ids.isArray()) return; // not told: unknown, not none
    List<String> list = new ArrayList<>(ids.size());
    ids.forEach(id -> list.add(departments.shared(id.asText())));
    String main = user.path("mainDepartmentId").asText(null);
    known.saw(user.path("userId").asText(), list, main == null || main.isEmpty() ? null : departments.shared(main));
  }

  void add(String code, List<String> userIds) {
    members("add-department-members", code, userIds);
    String id = departments.knownIdOf(code);
    if (id == null) known.forget(userIds);
    else known.added(id, userIds);
  }

  void remove(String code, List<String> userIds) {
    members("remove-department-members", code, userIds);
    String id = departments.knownIdOf(code);
    if (id == null) known.forget(userIds);
    else known.removed(id, userIds);
  }

  /** A write whose outcome is unknown may have changed the users' sets: they are read again when needed. */
  private void members(String route, String code, List<String> userIds) {
    try {
      departments.members(route, code, userIds);
    } catch (DirectoryException e) {
      known.forget(userIds);
      throw e;
    }
  }

  /**
   * One {@code set-user-departments}: the user's departments as they are, plus {@code add}, minus
   * {@code remove} (codes), with the main flag on {@code code} (null: none).
   */
  void move(String userId, Collection<String> add, Collection<String> remove, String code) {
    String mainId = code == null ? null : departments.idOf(code);
    KnownDepartments.Held held = known.of(userId);
    List<String> ids = new ArrayList<>(held != null ? held.ids() : read(userId));
    remove.forEach(d -> ids.remove(departments.knownIdOf(d))); // a department gone from the org holds nobody
    for (String d : add) {
      String id = departments.idOf(d);
      if (!ids.contains(id)) ids.add(id);
    }
    if (mainId != null && !ids.contains(mainId)) ids.add(mainId);
    try {
      users.setDepartments(userId, ids, mainId);
    } catch (DirectoryException e) {
      known.forget(List.of(userId));
      throw e;
    }
    known.saw(userId, ids, mainId);
  }

  /**
   * The main department of the members of these departments where it is one of them: from the
   * look-ups for users they told, else read ({@code get-user-departments}, a call per user) for
   * users in two or more of them (a user in one is taken to have it as main by the caller).
   */
  Map<String, String> mains(Map<String, Set<String>> departmentMembers) {
    Map<String, String> codeById = new HashMap<>();
    departmentMembers.keySet().forEach(code -> codeById.put(departments.idOf(code), code));
    Map<String, Integer> counts = new HashMap<>();
    departmentMembers.values().forEach(ids -> ids.forEach(id -> counts.merge(id, 1, Integer::sum)));
    Map<String, String> main = new HashMap<>();
    counts.forEach((userId, count) -> {
      KnownDepartments.Held held = known.of(userId);
      String mainId = null;
      if (held != null) mainId = held.main();
      else if (count >= 2) mainId = readMain(userId);
      String code = mainId == null ? null : codeById.get(mainId);
      if (code != null) main.put(userId, code);
    });
    return main;
  }

  void forget(Collection<String> userIds) {
    known.forget(userIds);
  }

  private List<String> read(String userId) {
    List<String> ids = new ArrayList<>();
    users.departments(userId).forEach(d -> ids.add(d.path("departmentId").asText()));
    return ids;
  }

  private String readMain(String userId) {
    for (JsonNode d : users.departments(userId)) {
      if (d.path("isMainDepartment").asBoolean(false)) return d.path("departmentId").asText();
    }
    return null;
  }
}
