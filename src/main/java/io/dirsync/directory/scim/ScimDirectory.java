package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.CreateResult;
import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Directory} port over a SCIM 2.0 service provider (RFC 7643/7644). Users are matched by
 * {@code externalId}; groups, roles and departments are SCIM groups told apart by their externalId
 * ({@code <code>}, {@code role:<namespace>:<code>}, {@code dept:<code>}); a department's parent is
 * the department group that has it as a member of type Group; the main department is the
 * enterprise {@code department} attribute. With {@link ScimSettings#rolesAsAttribute()} roles are
 * the users' {@code roles} attribute instead ({@link RoleAttribute}). What the server offers (PATCH,
 * bulk, filter limits, ETags, the Group resource type, the enterprise extension) is read from its
 * discovery endpoints before the first call that needs it. Thread-safe.
 */
public final class ScimDirectory implements Directory {
  static final String ROLE = "role:";
  static final String DEPT = "dept:";
  /**
   * Users per batch create, however many operations the server's bulk takes: a batch whose answer
   * was lost is looked up by externalId in one call, so it never exceeds a look-up batch.
   */
  static final int MAX_CREATE_BATCH = MAX_LOOKUP_BATCH;

  private final ScimSettings settings;
  private final ScimClient client;
  private final ScimGroups groups;
  private final ScimUsers users;
  private final ScimBulk bulk;
  private final RoleAttribute roleAttribute;
  private volatile ServerFeatures features;

  public ScimDirectory(ScimSettings settings, Clock clock) {
    this.settings = settings;
    this.client = new ScimClient(settings, clock);
    this.groups = new ScimGroups(client, this::features);
    this.users = new ScimUsers(client, this::features, settings.customSchema());
    this.bulk = new ScimBulk(client);
    this.roleAttribute = settings.rolesAsAttribute() ? new RoleAttribute(client, this::features) : null;
  }

  ServerFeatures features() {
    ServerFeatures f = features;
    if (f == null) {
      synchronized (this) {
        if (features == null) features = ServerFeatures.discover(client, settings.customSchema());
        f = features;
      }
    }
    return f;
  }

  /** The server's filter maxResults, capped at the port's 80: one look-up request per batch of this size. */
  @Override
  public int lookupBatchSize() {
    return Math.min(MAX_LOOKUP_BATCH, features().filterMaxResults());
  }

  @Override
  public List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> roleNamespaces) {
    if (ids.isEmpty()) return List.of();
    if (ids.size() > MAX_LOOKUP_BATCH) {
      throw ScimErrors.invalid("a look-up takes at most " + MAX_LOOKUP_BATCH + " externalIds, not " + ids.size());
    }
    List<ExternalId> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    int size = lookupBatchSize();
    List<DirectoryUser> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      for (JsonNode u : users.byExternalIds(all.subList(i, Math.min(all.size(), i + size)))) {
        out.add(toDirectory(u, memberships, roleNamespaces));
      }
    }
    return out;
  }

  @Override
  public Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces) {
    return findByExternalIds(List.of(id), true, roleNamespaces).stream().findFirst();
  }

  /**
   * One POST /Users with the fields, password, custom data and main department (the enterprise
   * {@code department}, where the server declares the extension), as a bulk operation carries them;
   * the returned user's main department is the one the server's answer holds.
   */
  @Override
  public DirectoryUser createUser(DesiredUser user) {
    DirectoryUser created = toDirectory(users.create(user), false, Set.of());
    String main = user.mainDepartment() != null && user.mainDepartment().equals(created.field("department")) ? user.mainDepartment() : null;
    return main == null ? created
        : new DirectoryUser(created.id(), created.externalId(), created.fields(), created.customData(), null, null, null, main);
  }

  /** Members go in PATCHes (or PUTs) of up to {@link ScimGroups#MEMBER_CHUNK}, more than the plan's chunks of 80. */
  @Override
  public boolean mergesMemberships() {
    return true;
  }

  /** The server's bulk maxOperations (at most 80) where it offers bulk, else 1 (no batch create). */
  @Override
  public int createBatchSize() {
    ServerFeatures f = features();
    return f.bulk() ? Math.min(MAX_CREATE_BATCH, f.bulkMaxOperations()) : 1;
  }

  /**
   * One POST /Bulk per batch (split to the server's payload limit) carrying each user's fields,
   * password, custom data and main department, then one member PATCH per department of the batch.
   */
  @Override
  public List<CreateResult> createUsers(List<DesiredUser> list) {
    if (!features().bulk()) return Directory.super.createUsers(list);
    if (list.size() > createBatchSize()) throw ScimErrors.invalid("a batch create takes at most " + createBatchSize() + " users, not " + list.size());
    Map<ExternalId, CreateResult> refused = new HashMap<>();
    List<DesiredUser> send = new ArrayList<>();
    List<ObjectNode> bodies = new ArrayList<>();
    for (DesiredUser u : list) {
      try {
        bodies.add(users.createBody(u));
        send.add(u);
      } catch (DirectoryException e) {
        if (e.kind() != DirectoryException.Kind.PERMANENT) throw e;
        refused.put(u.externalId(), CreateResult.failed(u, e));
      }
    }
    List<ScimBulk.Created> created = send.isEmpty() ? List.of() : bulk.create(send, bodies, features());
    Map<String, List<String>> byDepartment = new java.util.TreeMap<>();
    for (ScimBulk.Created c : created) {
      if (c.failure() != null) continue;
      String id = c.resource().get("id").asText();
      c.user().departments().forEach(d -> byDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
    }
    byDepartment.forEach((d, ids) -> groups.addMembers(DEPT + d, ids, "User"));
    Map<ExternalId, CreateResult> results = new HashMap<>(refused);
    ScimBulk.results(created, r -> toDirectory(r, false, Set.of())).forEach(r -> results.put(r.user().externalId(), r));
    return list.stream().map(u -> results.get(u.externalId())).toList();
  }

  @Override
  public DirectoryUser updateUser(String userId, Map<String, Object> changes) {
    return toDirectory(users.update(userId, changes), false, Set.of());
  }

  @Override
  public void setCustomData(String userId, Map<String, Object> values) {
    users.setCustom(userId, values);
  }

  /** SCIM has no sessions to end: blocking is {@code active: false}. */
  @Override
  public void blockUser(String userId) {
    Map<String, Object> change = new HashMap<>();
    change.put("blocked", true);
    users.update(userId, change);
  }

  @Override
  public void deleteUser(String userId) {
    users.delete(userId);
  }

  @Override
  public List<DirectoryGroup> listGroups() {
    List<DirectoryGroup> out = new ArrayList<>();
    groups.names(ScimDirectory::isPlainGroup).forEach((k, name) -> out.add(new DirectoryGroup(k, name, null)));
    return out;
  }

  @Override
  public void createGroup(String code, String name) {
    groups.create(code, name);
  }

  @Override
  public void deleteGroup(String code) {
    groups.delete(code);
  }

  @Override
  public void addGroupMembers(String groupCode, Collection<String> userIds) {
    groups.addMembers(groupCode, userIds, "User");
  }

  @Override
  public void removeGroupMembers(String groupCode, Collection<String> userIds) {
    groups.removeMembers(groupCode, userIds);
  }

  @Override
  public List<RoleRef> listRoles(String namespace) {
    if (roleAttribute != null) return roleAttribute.list(namespace);
    String prefix = ROLE + namespace + ":";
    return groups.names(k -> k.startsWith(prefix)).keySet().stream()
        .map(k -> new RoleRef(namespace, k.substring(prefix.length()))).sorted().toList();
  }

  @Override
  public void createRole(RoleRef role) {
    if (roleAttribute != null) {
      roleAttribute.create(role);
      return;
    }
    groups.create(roleKey(role), role.code());
  }

  @Override
  public void assignRole(RoleRef role, Collection<String> userIds) {
    if (roleAttribute != null) {
      roleAttribute.assign(role, userIds);
      return;
    }
    groups.addMembers(roleKey(role), userIds, "User");
  }

  @Override
  public void revokeRole(RoleRef role, Collection<String> userIds) {
    if (roleAttribute != null) {
      roleAttribute.revoke(role, userIds);
      return;
    }
    groups.removeMembers(roleKey(role), userIds);
  }

  @Override
  public List<DirectoryDepartment> listDepartments() {
    List<JsonNode> all = groups.withMembers(k -> k.startsWith(DEPT));
    Map<String, String> codeById = new HashMap<>();
    all.forEach(g -> codeById.put(g.get("id").asText(), g.get("externalId").asText().substring(DEPT.length())));
    Map<String, String> parentOf = new HashMap<>();
    for (JsonNode g : all) {
      String parent = codeById.get(g.get("id").asText());
      ScimGroups.membersOf(g, "Group").forEach(child -> {
        if (codeById.containsKey(child)) parentOf.put(codeById.get(child), parent);
      });
    }
    List<DirectoryDepartment> out = new ArrayList<>();
    for (JsonNode g : all) {
      String code = codeById.get(g.get("id").asText());
      out.add(new DirectoryDepartment(g.get("id").asText(), code, g.path("displayName").asText(code), parentOf.get(code)));
    }
    return out;
  }

  @Override
  public DirectoryDepartment createDepartment(String code, String name, String parentCode) {
    String id = groups.create(DEPT + code, name);
    if (parentCode != null) groups.addMembers(DEPT + parentCode, List.of(id), "Group");
    return new DirectoryDepartment(id, code, name, parentCode);
  }

  @Override
  public void renameDepartment(String code, String name) {
    groups.rename(DEPT + code, name);
  }

  @Override
  public void moveDepartment(String code, String newParentCode) {
    String id = groups.id(DEPT + code);
    if (id == null) throw ScimErrors.invalid("no SCIM department group dept:" + code);
    for (DirectoryDepartment d : listDepartments()) {
      if (d.code().equals(code) && d.parentCode() != null) groups.removeMembers(DEPT + d.parentCode(), List.of(id));
    }
    if (newParentCode != null) groups.addMembers(DEPT + newParentCode, List.of(id), "Group");
  }

  @Override
  public void deleteDepartment(String code) {
    groups.delete(DEPT + code);
  }

  @Override
  public void addDepartmentMembers(String departmentCode, Collection<String> userIds) {
    groups.addMembers(DEPT + departmentCode, userIds, "User");
  }

  @Override
  public void removeDepartmentMembers(String departmentCode, Collection<String> userIds) {
    groups.removeMembers(DEPT + departmentCode, userIds);
  }

  @Override
  public void setMainDepartment(String userId, String departmentCode) {
    if (!features().enterprise()) return; // the server keeps no department attribute: nowhere to put it
    Map<String, Object> change = new HashMap<>();
    change.put("department", departmentCode);
    users.update(userId, change);
  }

  /**
   * The asked-for groups' members: one GET each, or one paged listing of every group when that is
   * fewer requests (roles as attribute: one filtered user listing per namespace). Main departments:
   * one GET per user in two or more departments.
   */
  @Override
  public MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roles, Collection<String> departmentCodes) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(groupCodes);
    if (roleAttribute == null) roles.forEach(role -> keys.add(roleKey(role)));
    departmentCodes.forEach(code -> keys.add(DEPT + code));
    Map<String, Set<String>> members = groups.userMembers(keys);
    Map<String, Set<String>> g = new HashMap<>();
    groupCodes.forEach(code -> g.put(code, members.get(code)));
    Map<RoleRef, Set<String>> r = new HashMap<>();
    if (roleAttribute != null) {
      Map<String, Map<RoleRef, Set<String>>> byNamespace = new HashMap<>();
      roles.forEach(role -> r.put(role, byNamespace.computeIfAbsent(role.namespace(), roleAttribute::holders).getOrDefault(role, Set.of())));
    } else {
      roles.forEach(role -> r.put(role, members.get(roleKey(role))));
    }
    Map<String, Set<String>> d = new HashMap<>();
    departmentCodes.forEach(code -> d.put(code, members.get(DEPT + code)));
    return new MembershipIndex(g, r, d, mainDepartments(d));
  }

  /** The main department (enterprise {@code department}) of each user in two or more of these departments: one GET each. */
  private Map<String, String> mainDepartments(Map<String, Set<String>> departmentMembers) {
    if (!features().enterprise()) return Map.of();
    Map<String, Integer> counts = new HashMap<>();
    departmentMembers.values().forEach(ids -> ids.forEach(id -> counts.merge(id, 1, Integer::sum)));
    Map<String, String> main = new HashMap<>();
    counts.forEach((id, count) -> {
      if (count < 2) return;
      Object department = toDirectory(client.get("Users/" + id, Map.of()).body(), false, Set.of()).field("department");
      if (department != null && departmentMembers.getOrDefault(department.toString(), Set.of()).contains(id)) main.put(id, department.toString());
    });
    return main;
  }

  @Override
  public Map<String, Long> callCounts() {
    return client.callCounts();
  }

  /** Reads the discovery endpoints and one page of users: fails on a wrong URL or refused credentials. */
  @Override
  public void checkAccess() {
    features();
    if (!features().filter()) {
      throw ScimErrors.unsupported("the SCIM server at " + settings.baseUri() + " does not support filters; dirsync looks users up by externalId");
    }
    client.get("Users", Map.of("count", "1", "attributes", "externalId"));
  }

  @Override
  public void close() {
    client.close();
  }

  private DirectoryUser toDirectory(JsonNode u, boolean memberships, Set<String> roleNamespaces) {
    if (u == null || !u.hasNonNull("id")) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 0, "SCIM answered a user without id", null);
    Map<String, Object> fields = UserCodec.fieldsOf(u);
    Map<String, Object> custom = UserCodec.customOf(u, settings.customSchema());
    ExternalId ext = u.hasNonNull("externalId") && !u.get("externalId").asText().isBlank() ? ExternalId.of(u.get("externalId").asText()) : null;
    if (!memberships) return new DirectoryUser(u.get("id").asText(), ext, fields, custom, null, null, null, null);
    TreeSet<String> gs = new TreeSet<>();
    TreeSet<RoleRef> rs = new TreeSet<>();
    TreeSet<String> ds = new TreeSet<>();
    if (roleAttribute != null) rs.addAll(RoleAttribute.of(u, roleNamespaces));
    for (JsonNode g : u.path("groups")) {
      if ("indirect".equalsIgnoreCase(g.path("type").asText("direct")) || !g.hasNonNull("value")) continue;
      String key = groups.keyOf(g.get("value").asText());
      if (key == null) continue;
      if (key.startsWith(DEPT)) ds.add(key.substring(DEPT.length()));
      else if (key.startsWith(ROLE)) {
        if (roleAttribute != null) continue;
        RoleRef role = roleOf(key);
        if (role != null && roleNamespaces.contains(role.namespace())) rs.add(role);
      } else gs.add(key);
    }
    Object department = fields.get("department");
    String main = department != null && ds.contains(department.toString()) ? department.toString() : null;
    return new DirectoryUser(u.get("id").asText(), ext, fields, custom, gs, rs, ds, main);
  }

  static String roleKey(RoleRef role) {
    return ROLE + role.namespace() + ":" + role.code();
  }

  private static RoleRef roleOf(String key) {
    String rest = key.substring(ROLE.length());
    int colon = rest.indexOf(':');
    return colon <= 0 || colon == rest.length() - 1 ? null : new RoleRef(rest.substring(0, colon), rest.substring(colon + 1));
  }

  private static boolean isPlainGroup(String key) {
    return !key.startsWith(ROLE) && !key.startsWith(DEPT);
  }

  @Override
  public String toString() {
    return "ScimDirectory[" + settings.baseUri() + "]";
  }

}
