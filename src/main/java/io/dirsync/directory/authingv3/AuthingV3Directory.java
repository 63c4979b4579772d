package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.CreateResult;
import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.UserUpdate;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Directory} port over Authing's v3 management API (signed REST, authing-node-sdk
 * 4.0.1's requests). Look-ups take one {@code get-user-batch} per 50 externalIds (custom data and
 * departments included; groups and roles from the {@link MembershipCache}); creates go 50 users a
 * call ({@code create-users-batch}) with custom data, departments and the main department; field,
 * custom-data and status (block) updates 50 users a call ({@code update-user-batch}), deletes 50 a
 * call ({@code delete-users-batch}); groups and roles are created 50 a call; member writes go 50
 * users a call. Blocking sets status {@code Suspended} and ends no session (v3's {@code kick-users}
 * needs application ids). Thread-safe; one instance per run.
 */
public final class AuthingV3Directory implements Directory {
  /** How long a pool found empty is trusted to stay empty while this adapter has created nobody. */
  private static final Duration EMPTY_POOL_TRUST = Duration.ofMinutes(5);

  private final V3Transport transport;
  private final Users users;
  private final Departments departments;
  private final GroupsRoles groupsRoles;
  private final CustomFields customFields;
  private final MembershipCache memberships;
  private final UserDepartments userDepartments;
  private final Clock clock;
  private volatile Instant emptySince;
  private volatile boolean poolChecked;
  private volatile boolean created;

  public AuthingV3Directory(V3Config config, String orgCode, Clock clock) {
    if (orgCode == null || orgCode.isBlank()) throw new IllegalArgumentException("the managed organization code must not be empty");
    this.clock = clock;
    this.transport = new V3Transport(config, clock);
    this.users = new Users(transport);
    this.departments = new Departments(transport, orgCode);
    this.groupsRoles = new GroupsRoles(transport);
    this.customFields = new CustomFields(transport);
    this.memberships = new MembershipCache(groupsRoles);
    this.userDepartments = new UserDepartments(users, departments);
  }

  @Override
  public int lookupBatchSize() {
    return Users.BATCH;
  }

  @Override
  public int createBatchSize() {
    return Users.BATCH;
  }

  @Override
  public List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean withMemberships, Set<String> roleNamespaces) {
    if (ids.isEmpty()) return List.of();
    if (ids.size() > Users.BATCH) {
      throw V3Errors.invalid("findByExternalIds", "at most " + Users.BATCH + " externalIds per look-up, got " + ids.size());
    }
    if (knownEmpty()) return List.of();
    List<String> values = ids.stream().map(ExternalId::value).distinct().toList();
    // departments asked for always: the answer tells each user's set and main department, which a later move sends whole
    List<JsonNode> found = users.byExternalIds(values, true);
    found.forEach(userDepartments::saw);
    if (withMemberships && !found.isEmpty() && !memberships.covers(roleNamespaces)) memberships.load(roleNamespaces);
    List<DirectoryUser> out = new ArrayList<>();
    for (JsonNode u : found) {
      DirectoryUser user = toDirectory(u, withMemberships);
      if (withMemberships) {
        user = user.withMemberships(memberships.groups(user.id()), memberships.roles(user.id(), roleNamespaces),
            user.departments(), user.mainDepartment());
      }
      out.add(user);
    }
    return out;
  }

  @Override
  public Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces) {
    if (memberships.covers(roleNamespaces)) return findByExternalIds(List.of(id), true, roleNamespaces).stream().findFirst();
    List<JsonNode> found = users.byExternalIds(List.of(id.value()), true);
    if (found.isEmpty()) return Optional.empty();
    userDepartments.saw(found.get(0));
    DirectoryUser user = toDirectory(found.get(0), true);
    Set<RoleRef> roles = new TreeSet<>();
    for (String ns : roleNamespaces) {
      users.roles(user.id(), ns).forEach(r -> roles.add(new RoleRef(r.path("namespace").asText(ns), r.path("code").asText())));
    }
    return Optional.of(user.withMemberships(new TreeSet<>(users.groupCodes(user.id())), roles, user.departments(), user.mainDepartment()));
  }

  @Override
  public DirectoryUser createUser(DesiredUser user) {
    created = true;
    ObjectNode body = Users.item(user, List.of(), false, transport.object());
    ObjectNode options = Users.options(user.password() != null && user.password().keep(), false, transport.object());
    if (options.size() > 0) body.set("options", options);
    return toDirectory(users.create(body), false);
  }

  @Override
  public List<CreateResult> createUsers(List<DesiredUser> batch) {
    if (batch.size() > Users.BATCH) throw V3Errors.invalid("createUsers", "at most " + Users.BATCH + " users per call");
    created = true;
    List<DesiredUser> kept = batch.stream().filter(u -> u.password() != null && u.password().keep()).toList();
    List<DesiredUser> plain = batch.stream().filter(u -> u.password() == null || !u.password().keep()).toList();
    Map<DesiredUser, CreateResult> results = new HashMap<>();
    for (List<DesiredUser> group : List.of(kept, plain)) {
      if (!group.isEmpty()) createGroup(group, group == kept).forEach(r -> results.put(r.user(), r));
    }
    return batch.stream().map(results::get).toList();
  }

  /** One {@code create-users-batch}; when the service refuses it (one bad user), each user alone. */
  private List<CreateResult> createGroup(List<DesiredUser> group, boolean keepPassword) {
    Map<String, Object> custom = new HashMap<>();
    group.forEach(u -> custom.putAll(u.customData()));
    customFields.ensure(custom);
    List<ObjectNode> items = new ArrayList<>();
    for (DesiredUser u : group) items.add(Users.item(u, departmentsOf(u), true, transport.object()));
    boolean anyDepartment = group.stream().anyMatch(u -> !u.departments().isEmpty());
    try {
      JsonNode answer = users.createBatch(items, Users.options(keepPassword, anyDepartment, transport.object()));
      Map<String, JsonNode> byExternalId = new HashMap<>();
      answer.forEach(u -> byExternalId.put(u.path("externalId").asText(), u));
      List<CreateResult> out = new ArrayList<>();
      for (DesiredUser u : group) {
        JsonNode made = byExternalId.get(u.externalId().value());
        out.add(made == null
            ? CreateResult.failed(u, V3Errors.invalid("create-users-batch", "the answer did not include user " + u.externalId()))
            : CreateResult.created(u, toDirectory(made, false)));
      }
      return out;
    } catch (DirectoryException e) {
      if (e.kind() != DirectoryException.Kind.PERMANENT) throw e;
    }
    List<CreateResult> out = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      DesiredUser u = group.get(i);
      ObjectNode body = items.get(i);
      ObjectNode options = Users.options(keepPassword, !u.departments().isEmpty(), transport.object());
      if (options.size() > 0) body.set("options", options);
      try {
        out.add(CreateResult.created(u, toDirectory(users.create(body), false)));
      } catch (DirectoryException e) {
        if (e.kind() != DirectoryException.Kind.PERMANENT) throw e;
        out.add(CreateResult.failed(u, e));
      }
    }
    return out;
  }

  /** The user's department codes, main department first (v3 makes the first one the main department). */
  private List<String> departmentsOf(DesiredUser u) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    if (u.mainDepartment() != null) codes.add(u.mainDepartment());
    codes.addAll(u.departments());
    return List.copyOf(codes);
  }

  @Override
  public DirectoryUser updateUser(String userId, Map<String, Object> changes) {
    return toDirectory(users.update(userId, changes, null), false);
  }

  @Override
  public void setCustomData(String userId, Map<String, Object> values) {
    customFields.ensure(values);
    users.update(userId, Map.of(), values);
  }

  @Override
  public void blockUser(String userId) {
    users.update(userId, Map.of("blocked", true), null);
  }

  @Override
  public int updateBatchSize() {
    return Users.BATCH;
  }

  /** One {@code update-user-batch} (v3 documents no limit for it; dirsync sends at most 50, v3's other batch limit). */
  @Override
  public void updateUsers(List<UserUpdate> updates) {
    if (updates.size() > Users.BATCH) throw V3Errors.invalid("updateUsers", "at most " + Users.BATCH + " users per call, got " + updates.size());
    if (updates.isEmpty()) return;
    Map<String, Object> custom = new HashMap<>();
    updates.forEach(u -> custom.putAll(u.customData()));
    if (!custom.isEmpty()) customFields.ensure(custom);
    List<ObjectNode> items = new ArrayList<>();
    for (UserUpdate u : updates) items.add(Users.updateItem(u.userId(), u.fields(), u.customData(), u.block(), transport.object()));
    users.updateBatch(items);
  }

  /** One {@code delete-users-batch} (Authing ids, 50 a call). */
  @Override
  public void deleteUsers(List<String> userIds) {
    if (userIds.size() > Users.BATCH) throw V3Errors.invalid("deleteUsers", "at most " + Users.BATCH + " users per call, got " + userIds.size());
    if (userIds.isEmpty()) return;
    users.delete(distinct(userIds));
    userIds.forEach(memberships::userDeleted);
    userDepartments.forget(userIds);
  }

  @Override
  public void deleteUser(String userId) {
    users.delete(List.of(userId));
    memberships.userDeleted(userId);
    userDepartments.forget(List.of(userId));
  }

  @Override
  public List<DirectoryGroup> listGroups() {
    return groupsRoles.listGroups();
  }

  @Override
  public void createGroup(String code, String name) {
    groupsRoles.createGroups(List.of(new DirectoryGroup(code, name, null)));
  }

  @Override
  public void createGroups(List<DirectoryGroup> groups) {
    groupsRoles.createGroups(groups);
  }

  @Override
  public void addGroupMembers(String groupCode, Collection<String> userIds) {
    groupsRoles.groupMembers("add-group-members", groupCode, distinct(userIds));
    memberships.groupAdded(groupCode, userIds);
  }

  @Override
  public void removeGroupMembers(String groupCode, Collection<String> userIds) {
    groupsRoles.groupMembers("remove-group-members", groupCode, distinct(userIds));
    memberships.groupRemoved(groupCode, userIds);
  }

  @Override
  public void deleteGroup(String code) {
    groupsRoles.deleteGroup(code);
    memberships.groupDeleted(code);
  }

  @Override
  public List<RoleRef> listRoles(String namespace) {
    return groupsRoles.listRoles(namespace);
  }

  @Override
  public void createRole(RoleRef role) {
    groupsRoles.createRoles(List.of(role));
  }

  /** Roles 50 a call ({@code create-roles-batch}). */
  @Override
  public void createRoles(List<RoleRef> roles) {
    if (!roles.isEmpty()) groupsRoles.createRoles(roles);
  }

  @Override
  public void assignRole(RoleRef role, Collection<String> userIds) {
    groupsRoles.roleMembers("assign-role", role, distinct(userIds));
    memberships.roleAdded(role, userIds);
  }

  @Override
  public void revokeRole(RoleRef role, Collection<String> userIds) {
    groupsRoles.roleMembers("revoke-role", role, distinct(userIds));
    memberships.roleRemoved(role, userIds);
  }

  @Override
  public List<DirectoryDepartment> listDepartments() {
    return departments.list();
  }

  @Override
  public DirectoryDepartment createDepartment(String code, String name, String parentCode) {
    return departments.create(code, name, parentCode);
  }

  @Override
  public void renameDepartment(String code, String name) {
    departments.rename(code, name);
  }

  @Override
  public void moveDepartment(String code, String newParentCode) {
    departments.move(code, newParentCode);
  }

  @Override
  public void deleteDepartment(String code) {
    departments.delete(code);
  }

  @Override
  public void addDepartmentMembers(String departmentCode, Collection<String> userIds) {
    userDepartments.add(departmentCode, distinct(userIds));
  }

  @Override
  public void removeDepartmentMembers(String departmentCode, Collection<String> userIds) {
    userDepartments.remove(departmentCode, distinct(userIds));
  }

  /**
   * One {@code set-user-departments} with the user's whole set (it replaces the set) and the main
   * flag moved; the set is the look-up's, kept in step with this adapter's writes, and read first
   * only for a user no look-up told.
   */
  @Override
  public void setMainDepartment(String userId, String departmentCode) {
    userDepartments.move(userId, List.of(), List.of(), departmentCode);
  }

  /** {@code set-user-departments} is the only way to set a main department, and it carries the whole move. */
  @Override
  public boolean movesUsersInOneCall() {
    return true;
  }

  /** One {@code set-user-departments}: the user's set as known (see {@link #setMainDepartment}), changed, main flagged. */
  @Override
  public void moveUser(String userId, Collection<String> add, Collection<String> remove, String mainDepartment) {
    userDepartments.move(userId, add, remove, mainDepartment);
  }

  @Override
  public MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roles, Collection<String> departmentCodes) {
    Map<String, Set<String>> groups = new HashMap<>();
    for (String code : groupCodes) groups.put(code, groupMemberIdsOrNone(code));
    Map<RoleRef, Set<String>> roleMembers = new HashMap<>();
    for (RoleRef role : roles) roleMembers.put(role, groupsRoles.roleMemberIds(role));
    Map<String, Set<String>> depts = new HashMap<>();
    for (String code : departmentCodes) depts.put(code, Set.copyOf(departments.memberIds(code)));
    return new MembershipIndex(groups, roleMembers, depts, userDepartments.mains(depts));
  }

  /** A group the pool does not hold has no members (v3 answers statusCode 404 for it). */
  private Set<String> groupMemberIdsOrNone(String code) {
    try {
      return groupsRoles.groupMemberIds(code);
    } catch (DirectoryException e) {
      if (e.code() == 404 || e.code() == 2404) return Set.of();
      throw e;
    }
  }

  @Override
  public Map<String, Long> callCounts() {
    return transport.callCounts();
  }

  @Override
  public void checkAccess() {
    users.count();
  }

  @Override
  public void close() {
    transport.close();
  }

  /**
   * Whether the pool is known to hold no users: checked once ({@code list-users}, one user a page)
   * and trusted for a few minutes until this adapter creates a user. A first sync into an empty
   * pool then costs one call instead of one look-up per 50 users.
   */
  private boolean knownEmpty() {
    if (created) return false;
    if (!poolChecked) {
      synchronized (this) {
        if (!poolChecked) {
          if (users.count() == 0) emptySince = clock.instant();
          poolChecked = true;
        }
      }
    }
    Instant since = emptySince;
    return since != null && !created && clock.instant().isBefore(since.plus(EMPTY_POOL_TRUST));
  }

  private DirectoryUser toDirectory(JsonNode u, boolean withDepartments) {
    String ext = u.path("externalId").asText("");
    if (!withDepartments) {
      return new DirectoryUser(u.path("userId").asText(), ext.isBlank() ? null : ExternalId.of(ext), UserFields.read(u),
          UserFields.customData(u), null, null, null, null);
    }
    List<String> ids = new ArrayList<>();
    u.path("departmentIds").forEach(d -> ids.add(d.asText()));
    String mainId = u.path("mainDepartmentId").asText(null);
    String main = mainId == null ? null : departments.codeOf(mainId);
    return new DirectoryUser(u.path("userId").asText(), ext.isBlank() ? null : ExternalId.of(ext), UserFields.read(u),
        UserFields.customData(u), null, null, new TreeSet<>(departments.codesOf(ids)), main);
  }

  private static List<String> distinct(Collection<String> ids) {
    return List.copyOf(new LinkedHashSet<>(ids));
  }
}
