package io.dirsync.apply;

import io.dirsync.directory.Directory;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * For a saved plan: what the directory holds now, looked up once before applying (users in batches
 * of 80), and whether an operation's target changed since the plan was made.
 */
final class Staleness {

  private final Map<ExternalId, DirectoryUser> users = new HashMap<>();
  private final Map<String, DirectoryDepartment> departments = new HashMap<>();
  private final Set<String> groups = new HashSet<>();
  private final Set<RoleRef> roles = new HashSet<>();
  /** Users the plan itself creates: absent when it was made, so their later operations are not stale. */
  private final Set<ExternalId> createdByPlan = new HashSet<>();

  private Staleness() {}

  static Staleness load(Plan plan, Directory directory, CallPolicy calls) {
    Staleness s = new Staleness();
    Set<ExternalId> ids = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    boolean needDepartments = false;
    boolean needGroups = false;
    for (Operation op : plan.operations()) {
      ids.addAll(Operations.users(op));
      if (op instanceof Operation.CreateUser c) s.createdByPlan.add(c.user().externalId());
      if (op instanceof Operation.AssignRole a) namespaces.add(a.role().namespace());
      if (op instanceof Operation.RevokeRole r) namespaces.add(r.role().namespace());
      if (op instanceof Operation.CreateRole c) namespaces.add(c.role().namespace());
      needDepartments |= op instanceof Operation.CreateDepartment || op instanceof Operation.UpdateDepartment;
      needGroups |= op instanceof Operation.CreateGroup;
    }
    List<ExternalId> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += Directory.MAX_LOOKUP_BATCH) {
      List<ExternalId> batch = all.subList(i, Math.min(all.size(), i + Directory.MAX_LOOKUP_BATCH));
      calls.call(() -> directory.findByExternalIds(batch, true, namespaces))
          .forEach(u -> { if (u.externalId() != null) s.users.put(u.externalId(), u); });
    }
    if (needDepartments) calls.call(directory::listDepartments).forEach(d -> s.departments.put(d.code(), d));
    if (needGroups) calls.call(directory::listGroups).stream().map(DirectoryGroup::code).forEach(s.groups::add);
    for (String ns : namespaces) s.roles.addAll(calls.call(() -> directory.listRoles(ns)));
    return s;
  }

  /** Directory ids of the users found. */
  Map<ExternalId, String> directoryIds() {
    Map<ExternalId, String> out = new HashMap<>();
    users.forEach((k, v) -> out.put(k, v.id()));
    return out;
  }

  /** Why {@code op} must be skipped, or empty when its target is as the plan expected. */
  Optional<String> reason(Operation op) {
    if (op instanceof Operation.CreateUser c) {
      return users.containsKey(c.user().externalId())
          ? stale("a user with externalId " + c.user().externalId() + " now exists") : Optional.empty();
    }
    if (op instanceof Operation.UpdateUser u) return fields(u.externalId(), u.userId(), u.changes(), false);
    if (op instanceof Operation.SetCustomData c) return fields(c.externalId(), c.userId(), c.changes(), true);
    if (op instanceof Operation.SetMainDepartment m) {
      DirectoryUser now = users.get(m.externalId());
      if (now == null && createdByPlan.contains(m.externalId())) return Optional.empty();
      if (now == null) return stale("the user no longer exists");
      return Objects.equals(now.mainDepartment(), m.previousDepartmentCode()) ? Optional.empty() : changed("mainDepartment");
    }
    if (op instanceof Operation.BlockUser b) {
      Optional<String> gone = gone(b.externalId(), b.userId());
      if (gone.isPresent()) return gone;
      return users.get(b.externalId()).blocked() ? changed("blocked") : Optional.empty();
    }
    if (op instanceof Operation.DeleteUser d) return gone(d.externalId(), d.userId());
    if (op instanceof Operation.UpdateDepartment d) {
      DirectoryDepartment now = departments.get(d.code());
      if (now == null) return stale("department " + d.code() + " no longer exists");
      if (!Objects.equals(now.name(), d.previousName())) return changed("name");
      return Objects.equals(now.parentCode(), d.previousParentCode()) ? Optional.empty() : changed("parent");
    }
    if (op instanceof Operation.CreateDepartment d && departments.containsKey(d.code())) return stale("department " + d.code() + " now exists");
    if (op instanceof Operation.CreateGroup g && groups.contains(g.code())) return stale("group " + g.code() + " now exists");
    if (op instanceof Operation.CreateRole r && roles.contains(r.role())) return stale("role " + r.role() + " now exists");
    return Optional.empty();
  }

  private Optional<String> fields(ExternalId id, String userId, List<FieldChange> changes, boolean custom) {
    Optional<String> gone = gone(id, userId);
    if (gone.isPresent()) return gone;
    DirectoryUser now = users.get(id);
    for (FieldChange c : changes) {
      Object current = custom ? now.customData().get(c.field()) : now.field(c.field());
      if (!Values.same(c.field(), c.before(), current)) return changed(c.field());
    }
    return Optional.empty();
  }

  private Optional<String> gone(ExternalId id, String userId) {
    DirectoryUser now = users.get(id);
    if (now == null) return stale("the user no longer exists");
    if (userId != null && !userId.equals(now.id())) return stale("externalId " + id + " now names another user");
    return Optional.empty();
  }

  private static Optional<String> changed(String field) {
    return stale(field + " changed since the plan was made");
  }

  private static Optional<String> stale(String why) {
    return Optional.of("stale: " + why);
  }
}
