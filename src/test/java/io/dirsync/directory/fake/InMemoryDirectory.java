package io.dirsync.directory.fake;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A thread-safe, in-memory {@link Directory} that behaves like the real one where sync correctness
 * depends on it: username, email, phone and externalId are unique (duplicates fail PERMANENT with
 * Authing's codes), emails are stored lower-cased, memberships are sets, departments form a tree
 * that refuses cycles, look-ups take at most 80 ids. Counts calls by operation name.
 *
 * <p>Faults: {@link #injectTransientFaults(long, double)} makes a seeded share of calls fail
 * TRANSIENT — half of the failing changes AFTER they were applied, with an unknown outcome, as a
 * lost answer would; {@link #loseNextCreateAnswer()} does that once, deterministically;
 * {@link #failFatallyFrom(String)} makes every call fail FATAL from the first call of an operation on.
 */
public final class InMemoryDirectory implements Directory {

  public static final int CODE_USERNAME_TAKEN = 2026;
  public static final int CODE_PHONE_TAKEN = 2034;
  public static final int CODE_EMAIL_TAKEN = 2035;
  public static final int CODE_EXTERNAL_ID_TAKEN = 2026;
  public static final int CODE_NOT_FOUND = 2004;
  public static final int CODE_BATCH_TOO_LARGE = 2030;
  public static final int CODE_INVALID = 400;

  private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> customData = new HashMap<>();
  private final Map<String, DirectoryGroup> groups = new TreeMap<>();
  private final Map<String, Set<String>> groupMembers = new HashMap<>();
  private final Set<RoleRef> roles = new TreeSet<>();
  private final Map<RoleRef, Set<String>> roleMembers = new HashMap<>();
  private final Map<String, DirectoryDepartment> departments = new LinkedHashMap<>();
  private final Map<String, Set<String>> departmentMembers = new HashMap<>();
  private final Map<String, String> mainDepartments = new HashMap<>();
  private final Map<String, Integer> forcedLogouts = new HashMap<>();
  private final Map<String, Long> calls = new TreeMap<>();
  private Random faults;
  private double faultRate;
  private boolean loseNextCreate;
  private String fatalFrom;
  private boolean fatal;
  private int nextId = 1;

  /** A seeded share ({@code rate}, 0–1) of calls fails TRANSIENT from now on. */
  public synchronized InMemoryDirectory injectTransientFaults(long seed, double rate) {
    this.faults = new Random(seed);
    this.faultRate = rate;
    return this;
  }

  /** The next createUser creates the user, then fails as if its answer was lost. */
  public synchronized InMemoryDirectory loseNextCreateAnswer() {
    this.loseNextCreate = true;
    return this;
  }

  /** From the first call of {@code operation} on, every call fails FATAL (as revoked credentials would). */
  public synchronized InMemoryDirectory failFatallyFrom(String operation) {
    this.fatalFrom = operation;
    return this;
  }

  /** Stops injecting faults of any kind. */
  public synchronized InMemoryDirectory healthy() {
    faults = null;
    faultRate = 0;
    loseNextCreate = false;
    fatalFrom = null;
    fatal = false;
    return this;
  }

  // ---- users

  @Override
  public synchronized List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> roleNamespaces) {
    return call("findByExternalIds", false, () -> {
      if (ids.size() > MAX_LOOKUP_BATCH) throw permanent(CODE_BATCH_TOO_LARGE, "at most 80 ids per look-up, got " + ids.size());
      List<DirectoryUser> out = new ArrayList<>();
      Set<String> wanted = new HashSet<>();
      ids.forEach(id -> wanted.add(id.value()));
      users.forEach((id, f) -> {
        if (wanted.contains(String.valueOf(f.get("externalId")))) out.add(view(id, memberships, roleNamespaces));
      });
      return out;
    });
  }

  @Override
  public synchronized Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces) {
    return call("findByExternalId", false, () -> idOf(id).map(uid -> view(uid, true, roleNamespaces)));
  }

  @Override
  public synchronized DirectoryUser createUser(DesiredUser user) {
    boolean lose = loseNextCreate;
    loseNextCreate = false;
    DirectoryUser created = call("createUser", true, () -> {
      Map<String, Object> fields = new TreeMap<>();
      user.fields().forEach((k, v) -> fields.put(k, normalise(k, v)));
      fields.put("externalId", user.externalId().value());
      checkUnique(null, fields);
      String id = "user-" + nextId++;
      users.put(id, fields);
      return view(id, false, Set.of());
    });
    if (lose) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 0, "read timed out (answer lost)", null);
    return created;
  }

  @Override
  public synchronized DirectoryUser updateUser(String userId, Map<String, Object> changes) {
    return call("updateUser", true, () -> {
      Map<String, Object> fields = new TreeMap<>(existing(userId));
      changes.forEach((k, v) -> {
        if (v == null) fields.remove(k);
        else fields.put(k, normalise(k, v));
      });
      checkUnique(userId, fields);
      users.put(userId, fields);
      return view(userId, false, Set.of());
    });
  }

  @Override
  public synchronized void setCustomData(String userId, Map<String, Object> values) {
    run("setCustomData", () -> {
      existing(userId);
      Map<String, Object> data = customData.computeIfAbsent(userId, k -> new TreeMap<>());
      values.forEach((k, v) -> {
        if (v == null) data.remove(k);
        else data.put(k, v);
      });
    });
  }

  @Override
  public synchronized void blockUser(String userId) {
    run("blockUser", () -> {
      existing(userId).put("blocked", true);
      forcedLogouts.merge(userId, 1, Integer::sum);
    });
  }

  @Override
  public synchronized void deleteUser(String userId) {
    run("deleteUser", () -> {
      users.remove(userId);
      customData.remove(userId);
      mainDepartments.remove(userId);
      groupMembers.values().forEach(s -> s.remove(userId));
      roleMembers.values().forEach(s -> s.remove(userId));
      departmentMembers.values().forEach(s -> s.remove(userId));
    });
  }

  // ---- groups and roles

  @Override
  public synchronized List<DirectoryGroup> listGroups() {
    return call("listGroups", false, () -> List.copyOf(groups.values()));
  }

  @Override
  public synchronized void createGroup(String code, String name) {
    run("createGroup", () -> {
      if (groups.containsKey(code)) throw permanent(CODE_INVALID, "group " + code + " already exists");
      groups.put(code, new DirectoryGroup(code, name, null));
    });
  }

  @Override
  public synchronized void addGroupMembers(String groupCode, Collection<String> userIds) {
    run("addGroupMembers", () -> members(groupMembers, groups.containsKey(groupCode), "group", groupCode, userIds).addAll(userIds));
  }

  @Override
  public synchronized void removeGroupMembers(String groupCode, Collection<String> userIds) {
    run("removeGroupMembers", () -> members(groupMembers, groups.containsKey(groupCode), "group", groupCode, userIds).removeAll(userIds));
  }

  @Override
  public synchronized void deleteGroup(String code) {
    run("deleteGroup", () -> {
      groups.remove(code);
      groupMembers.remove(code);
    });
  }

  @Override
  public synchronized List<RoleRef> listRoles(String namespace) {
    return call("listRoles", false, () -> roles.stream().filter(r -> r.namespace().equals(namespace)).toList());
  }

  @Override
  public synchronized void createRole(RoleRef role) {
    run("createRole", () -> {
      if (!roles.add(role)) throw permanent(CODE_INVALID, "role " + role + " already exists");
    });
  }

  @Override
  public synchronized void assignRole(RoleRef role, Collection<String> userIds) {
    run("assignRole", () -> members(roleMembers, roles.contains(role), "role", role, userIds).addAll(userIds));
  }

  @Override
  public synchronized void revokeRole(RoleRef role, Collection<String> userIds) {
    run("revokeRole", () -> members(roleMembers, roles.contains(role), "role", role, userIds).removeAll(userIds));
  }

  // ---- departments

  @Override
  public synchronized List<DirectoryDepartment> listDepartments() {
    return call("listDepartments", false, () -> List.copyOf(departments.values()));
  }

  @Override
  public synchronized DirectoryDepartment createDepartment(String code, String name, String parentCode) {
    return call("createDepartment", true, () -> {
      if (departments.containsKey(code)) throw permanent(CODE_INVALID, "department " + code + " already exists");
      if (parentCode != null && !departments.containsKey(parentCode)) throw notFound("department " + parentCode);
      DirectoryDepartment d = new DirectoryDepartment("dept-" + nextId++, code, name, parentCode);
      departments.put(code, d);
      return d;
    });
  }

  @Override
  public synchronized void renameDepartment(String code, String name) {
    run("renameDepartment", () -> {
      DirectoryDepartment d = department(code);
      departments.put(code, new DirectoryDepartment(d.id(), code, name, d.parentCode()));
    });
  }

  @Override
  public synchronized void moveDepartment(String code, String newParentCode) {
    run("moveDepartment", () -> {
      DirectoryDepartment d = department(code);
      for (String p = newParentCode; p != null; p = department(p).parentCode()) {
        if (p.equals(code)) throw permanent(CODE_INVALID, "moving " + code + " under " + newParentCode + " makes a cycle");
      }
      departments.put(code, new DirectoryDepartment(d.id(), code, d.name(), newParentCode));
    });
  }

  @Override
  public synchronized void deleteDepartment(String code) {
    run("deleteDepartment", () -> {
      if (!departments.containsKey(code)) return;
      if (departments.values().stream().anyMatch(d -> code.equals(d.parentCode()))) {
        throw permanent(CODE_INVALID, "department " + code + " still has child departments");
      }
      departments.remove(code);
      departmentMembers.remove(code);
      mainDepartments.values().removeIf(code::equals);
    });
  }

  @Override
  public synchronized void addDepartmentMembers(String departmentCode, Collection<String> userIds) {
    run("addDepartmentMembers", () ->
        members(departmentMembers, departments.containsKey(departmentCode), "department", departmentCode, userIds).addAll(userIds));
  }

  @Override
  public synchronized void removeDepartmentMembers(String departmentCode, Collection<String> userIds) {
    run("removeDepartmentMembers", () -> {
      members(departmentMembers, departments.containsKey(departmentCode), "department", departmentCode, userIds).removeAll(userIds);
      userIds.forEach(id -> mainDepartments.remove(id, departmentCode));
    });
  }

  @Override
  public synchronized void setMainDepartment(String userId, String departmentCode) {
    run("setMainDepartment", () -> {
      existing(userId);
      if (departmentCode == null) {
        mainDepartments.remove(userId);
        return;
      }
      if (!departmentMembers.getOrDefault(departmentCode, Set.of()).contains(userId)) {
        throw permanent(CODE_INVALID, "user " + userId + " is not a member of department " + departmentCode);
      }
      mainDepartments.put(userId, departmentCode);
    });
  }

  // ---- memberships, read by member listing

  @Override
  public synchronized MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roleRefs,
      Collection<String> departmentCodes) {
    return call("readMemberships", false, () -> {
      Map<String, Set<String>> g = new HashMap<>();
      groupCodes.forEach(c -> g.put(c, Set.copyOf(groupMembers.getOrDefault(c, Set.of()))));
      Map<RoleRef, Set<String>> r = new HashMap<>();
      roleRefs.forEach(role -> r.put(role, Set.copyOf(roleMembers.getOrDefault(role, Set.of()))));
      Map<String, Set<String>> d = new HashMap<>();
      departmentCodes.forEach(c -> d.put(c, Set.copyOf(departmentMembers.getOrDefault(c, Set.of()))));
      Map<String, String> main = new HashMap<>();
      d.values().forEach(ids -> ids.forEach(id -> {
        String m = mainDepartments.get(id);
        if (m != null) main.put(id, m);
      }));
      return new MembershipIndex(g, r, d, main);
    });
  }

  // ---- misc

  @Override
  public synchronized Map<String, Long> callCounts() {
    return Map.copyOf(calls);
  }

  @Override
  public synchronized void checkAccess() {
    run("checkAccess", () -> { });
  }

  @Override
  public void close() {}

  // ---- test helpers (not calls: not counted, never fail)

  /** A user made by hand in the directory (no faults, not counted). */
  public synchronized DirectoryUser seedUser(String externalId, Map<String, Object> fields) {
    Map<String, Object> f = new TreeMap<>(fields);
    if (externalId != null) f.put("externalId", externalId);
    String id = "user-" + nextId++;
    users.put(id, f);
    return view(id, true, allNamespaces());
  }

  public synchronized void seedGroup(String code) {
    groups.put(code, new DirectoryGroup(code, code, null));
  }

  public synchronized void seedRole(RoleRef role) {
    roles.add(role);
  }

  public synchronized void seedDepartment(String code, String name, String parentCode) {
    departments.put(code, new DirectoryDepartment("dept-" + nextId++, code, name, parentCode));
  }

  /** Every user with all memberships, sorted by id, for comparing final states. */
  public synchronized List<DirectoryUser> allUsers() {
    return users.keySet().stream().sorted().map(id -> view(id, true, allNamespaces())).toList();
  }

  /** Every user with all memberships, keyed by externalId (users without one are left out). */
  public synchronized Map<String, DirectoryUser> usersByExternalId() {
    Map<String, DirectoryUser> out = new TreeMap<>();
    for (String id : users.keySet()) {
      DirectoryUser u = view(id, true, allNamespaces());
      if (u.externalId() != null) out.put(u.externalId().value(), u);
    }
    return out;
  }

  public synchronized int forcedLogouts(String userId) {
    return forcedLogouts.getOrDefault(userId, 0);
  }

  public synchronized long calls(String operation) {
    return calls.getOrDefault(operation, 0L);
  }

  public synchronized long totalCalls() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  public synchronized void resetCallCounts() {
    calls.clear();
  }

  // ---- internals

  private <T> T call(String operation, boolean changes, Supplier<T> body) {
    calls.merge(operation, 1L, Long::sum);
    if (operation.equals(fatalFrom)) fatal = true;
    if (fatal) throw new DirectoryException(DirectoryException.Kind.FATAL, 2020, 401, "authentication failed (injected)", null);
    boolean fail = faults != null && faults.nextDouble() < faultRate;
    boolean afterApplying = fail && changes && faults.nextBoolean();
    if (fail && !afterApplying) {
      throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 429, 1, "too many requests (injected)", null);
    }
    T result = body.get();
    if (afterApplying) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 503, "bad gateway after applying (injected)", null);
    return result;
  }

  private void run(String operation, Runnable body) {
    call(operation, true, () -> {
      body.run();
      return null;
    });
  }

  private DirectoryUser view(String id, boolean memberships, Set<String> namespaces) {
    Map<String, Object> f = new TreeMap<>(users.get(id));
    Object ext = f.remove("externalId");
    ExternalId externalId = ext == null || ext.toString().isBlank() ? null : ExternalId.of(ext.toString());
    Map<String, Object> data = customData.getOrDefault(id, Map.of());
    if (!memberships) return new DirectoryUser(id, externalId, f, data, null, null, null, null);
    TreeSet<String> g = new TreeSet<>();
    groupMembers.forEach((code, ids) -> { if (ids.contains(id)) g.add(code); });
    TreeSet<RoleRef> r = new TreeSet<>();
    roleMembers.forEach((role, ids) -> { if (ids.contains(id) && namespaces.contains(role.namespace())) r.add(role); });
    TreeSet<String> d = new TreeSet<>();
    departmentMembers.forEach((code, ids) -> { if (ids.contains(id)) d.add(code); });
    return new DirectoryUser(id, externalId, f, data, g, r, d, mainDepartments.get(id));
  }

  private Set<String> allNamespaces() {
    Set<String> ns = new HashSet<>();
    roles.forEach(r -> ns.add(r.namespace()));
    return ns;
  }

  private Optional<String> idOf(ExternalId id) {
    return users.entrySet().stream()
        .filter(e -> id.value().equals(String.valueOf(e.getValue().get("externalId"))))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private Map<String, Object> existing(String userId) {
    Map<String, Object> f = users.get(userId);
    if (f == null) throw notFound("user " + userId);
    return f;
  }

  private DirectoryDepartment department(String code) {
    DirectoryDepartment d = departments.get(code);
    if (d == null) throw notFound("department " + code);
    return d;
  }

  private <K> Set<String> members(Map<K, Set<String>> map, boolean exists, String what, K key, Collection<String> userIds) {
    if (!exists) throw notFound(what + " " + key);
    for (String id : userIds) existing(id);
    return map.computeIfAbsent(key, k -> new HashSet<>());
  }

  private static Object normalise(String field, Object value) {
    return "email".equals(field) && value instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : value;
  }

  private void checkUnique(String self, Map<String, Object> fields) {
    unique(self, fields, "username", CODE_USERNAME_TAKEN);
    unique(self, fields, "email", CODE_EMAIL_TAKEN);
    unique(self, fields, "phone", CODE_PHONE_TAKEN);
    unique(self, fields, "externalId", CODE_EXTERNAL_ID_TAKEN);
  }

  private void unique(String self, Map<String, Object> fields, String field, int code) {
    Object value = fields.get(field);
    if (value == null || value.toString().isEmpty()) return;
    users.forEach((id, other) -> {
      if (!id.equals(self) && value.equals(other.get(field))) {
        throw permanent(code, field + " " + value + " is already taken");
      }
    });
  }

  private static DirectoryException permanent(int code, String message) {
    return new DirectoryException(DirectoryException.Kind.PERMANENT, code, 200, message, null);
  }

  private static DirectoryException notFound(String what) {
    return permanent(CODE_NOT_FOUND, what + " does not exist");
  }
}
