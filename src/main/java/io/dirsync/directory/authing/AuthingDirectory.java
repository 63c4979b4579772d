package io.dirsync.directory.authing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import io.dirsync.model.MembershipIndex;

/**
 * The {@link Directory} port over Authing's v2 management API, in requests the official SDK sends
 * (SdkProvenRequestsTest). Look-ups by externalId take one {@code users/batch} call per 80 users,
 * custom data included; memberships come from the member listings of groups, roles and departments
 * ({@link #readMemberships}), once per run. Departments live in one managed org found by its code
 * (created on the first department write). Reads are retried page by page on transient errors
 * ({@link ReadRetry}); writes are not. Thread-safe.
 */
public final class AuthingDirectory implements Directory {
  /** The managed org's code when none is configured. */
  public static final String DEFAULT_ORG_CODE = "dirsync";
  private static final int PAGE = 100;
  /** Member ids per listing call. */
  static final int MEMBER_PAGE = 100;
  /** Member listings read at once. */
  private static final int READERS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(AuthingDirectory.class);

  private final AuthingManagementClient client;
  private final ManagedOrg org;
  private final UdfKeys udfKeys;
  private final RoleNamespaces namespaces;
  private final String firstLoginEmailAppId;
  private final ReadRetry reads;

  /** Uses {@code client} (closed with this directory) and the org whose root code is {@code orgCode}. */
  public AuthingDirectory(AuthingManagementClient client, String orgCode) {
    this(client, orgCode, null);
  }

  /**
   * As above; with {@code firstLoginEmailAppId} set, every user created with an email is sent the
   * first-login verification email of that application (migrations). Sending is best effort: a
   * failure is logged and does not undo or fail the create.
   */
  public AuthingDirectory(AuthingManagementClient client, String orgCode, String firstLoginEmailAppId) {
    this(client, orgCode, firstLoginEmailAppId, ReadRetry.defaults());
  }

  AuthingDirectory(AuthingManagementClient client, String orgCode, String firstLoginEmailAppId, ReadRetry reads) {
    if (orgCode == null || orgCode.isBlank()) throw new IllegalArgumentException("the managed org code must not be empty");
    this.firstLoginEmailAppId = firstLoginEmailAppId == null || firstLoginEmailAppId.isBlank() ? null : firstLoginEmailAppId;
    this.client = client;
    this.reads = reads;
    this.org = new ManagedOrg(client.org(), orgCode, reads);
    this.udfKeys = new UdfKeys(client.udf());
    this.namespaces = new RoleNamespaces(client.acl());
  }

  /** A directory on a new client for {@code config}, managing departments in org {@code orgCode} (null = {@value #DEFAULT_ORG_CODE}). */
  public static AuthingDirectory create(AuthingConfig config, String orgCode, Clock clock) {
    return new AuthingDirectory(new AuthingManagementClient(config, clock), orgCode == null ? DEFAULT_ORG_CODE : orgCode);
  }

  /** The client underneath, for calls the port does not offer. */
  public AuthingManagementClient client() {
    return client;
  }

  /**
   * One {@code users/batch} call; with {@code memberships}, three or more further calls per user
   * found ({@code user(id)} with groups, roles per namespace, departments: the SDK's
   * getUserGroups, getUserRoles, getUserDepartments). Runs read memberships with
   * {@link #readMemberships} instead; this is for single users (create after a lost answer).
   */
  @Override
  public List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> roleNamespaces) {
    if (ids.isEmpty()) return List.of();
    if (ids.size() > MAX_LOOKUP_BATCH) {
      throw Errors.invalid("findByExternalIds", "at most " + MAX_LOOKUP_BATCH + " externalIds per look-up, got " + ids.size());
    }
    List<String> values = ids.stream().map(ExternalId::value).distinct().toList();
    List<DirectoryUser> users = client.users().batch(values, BatchType.EXTERNAL_ID, true).stream()
        .map(u -> UserMapping.toDirectory(u, false, null)).toList();
    if (!memberships) return users;
    return users.stream().map(u -> withMemberships(u, roleNamespaces)).toList();
  }

  private DirectoryUser withMemberships(DirectoryUser u, Set<String> roleNamespaces) {
    Set<String> groups = new HashSet<>();
    reads.call(() -> client.users().listGroups(u.id())).list().forEach(g -> groups.add(g.code()));
    Set<RoleRef> roles = new HashSet<>();
    for (String namespace : roleNamespaces) {
      reads.call(() -> client.users().listRoles(u.id(), namespace)).list()
          .forEach(r -> roles.add(new RoleRef(r.namespace() == null ? namespace : r.namespace(), r.code())));
    }
    Set<String> departments = new HashSet<>();
    String main = null;
    String orgId = org.existingId().orElse(null);
    for (UserDepartment d : reads.call(() -> client.users().listDepartment(u.id())).list()) {
      if (orgId == null || !orgId.equals(d.department().orgId()) || d.department().code() == null) continue;
      departments.add(d.department().code());
      if (d.isMainDepartment()) main = d.department().code();
    }
    return u.withMemberships(groups, roles, departments, main);
  }

  /**
   * Pages through the members of each group ({@code group(code){users}}), role
   * ({@code role(code,namespace){users}}) and department ({@code nodeById(id){users}}, direct
   * members only), {@value #MEMBER_PAGE} ids a call, {@value #READERS} listings at a time. No member
   * listing tells the main department; it is read per user ({@code user(id){departments}}) only for
   * users in more than one of the given departments, and left out (unknown) for the others.
   */
  @Override
  public MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roles, Collection<String> departmentCodes) {
    Map<String, Set<String>> groups = new ConcurrentHashMap<>();
    Map<RoleRef, Set<String>> roleMembers = new ConcurrentHashMap<>();
    Map<String, Set<String>> departments = new ConcurrentHashMap<>();
    List<Runnable> reads = new ArrayList<>();
    for (String code : new LinkedHashSet<>(groupCodes)) {
      reads.add(() -> groups.put(code, memberIds(page -> client.groups().memberIds(code, page, MEMBER_PAGE))));
    }
    for (RoleRef role : new LinkedHashSet<>(roles)) {
      reads.add(() -> roleMembers.put(role, memberIds(page -> client.roles().memberIds(role.namespace(), role.code(), page, MEMBER_PAGE))));
    }
    for (String code : new LinkedHashSet<>(departmentCodes)) {
      reads.add(() -> departments.put(code, org.existingNodeId(code)
          .map(nodeId -> memberIds(page -> client.org().memberIds(nodeId, page, MEMBER_PAGE))).orElse(Set.of())));
    }
    inParallel(reads);
    Map<String, Integer> departmentCount = new HashMap<>();
    departments.values().forEach(ids -> ids.forEach(id -> departmentCount.merge(id, 1, Integer::sum)));
    Map<String, String> main = new ConcurrentHashMap<>();
    String orgId = org.existingId().orElse(null);
    List<Runnable> mains = new ArrayList<>();
    departmentCount.forEach((userId, count) -> {
      if (count < 2 || orgId == null) return;
      mains.add(() -> reads(userId).stream()
          .filter(d -> d.isMainDepartment() && orgId.equals(d.department().orgId()) && d.department().code() != null)
          .findFirst().ifPresent(d -> main.put(userId, d.department().code())));
    });
    inParallel(mains);
    return new MembershipIndex(groups, roleMembers, departments, main);
  }

  @Override
  public Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces) {
    return findByExternalIds(List.of(id), true, roleNamespaces).stream().findFirst();
  }

  private List<UserDepartment> reads(String userId) {
    try {
      return reads.call(() -> client.users().listDepartment(userId)).list();
    } catch (AuthingException e) {
      if (e.code() == Errors.USER_NOT_FOUND) return List.of();
      throw e;
    }
  }

  private Set<String> memberIds(java.util.function.IntFunction<Paginated<String>> fetch) {
    Set<String> ids = new HashSet<>();
    Set<Integer> guard = new HashSet<>();
    for (int page = 1; guard.add(page); page++) {
      int p = page;
      Paginated<String> got = reads.call(() -> fetch.apply(p));
      ids.addAll(got.list());
      if (got.list().size() < MEMBER_PAGE || (long) page * MEMBER_PAGE >= got.totalCount()) break;
    }
    return ids;
  }

  private static void inParallel(List<Runnable> tasks) {
    if (tasks.isEmpty()) return;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(READERS, tasks.size()));
    try {
      List<Future<?>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      for (Future<?> f : futures) f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthingException(DirectoryException.Kind.TRANSIENT, "readMemberships", 0, 0, -1, "interrupted", null);
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public DirectoryUser createUser(DesiredUser user) {
    UserMapping.CreatePlan plan;
    try {
      plan = UserMapping.create(user);
    } catch (IllegalArgumentException e) {
      throw Errors.invalid("createUser", "user " + user.externalId() + ": " + e.getMessage());
    }
    Map<String, Object> customData = new LinkedHashMap<>();
    user.customData().forEach((k, v) -> {
      if (v != null) customData.put(k, v);
    });
    customData.forEach(udfKeys::ensure);
    User first = customData.isEmpty() ? client.users().create(plan.create(), plan.keepPassword(), false)
        : client.users().createWithCustomData(plan.create(), plan.keepPassword(), customData);
    User created = plan.followUp().isEmpty() ? first : client.users().update(first.id(), plan.followUp());
    if (firstLoginEmailAppId != null && created.text("email") != null) sendFirstLoginEmail(created.id());
    DirectoryUser out = UserMapping.toDirectory(created, false, null);
    // the follow-up update answers without custom data; what the create stored still holds
    return created == first ? out : new DirectoryUser(out.id(), out.externalId(), out.fields(), first.customData(), null, null, null, null);
  }

  private void sendFirstLoginEmail(String userId) {
    try {
      client.users().sendFirstLoginVerifyEmail(userId, firstLoginEmailAppId);
    } catch (io.dirsync.directory.DirectoryException e) {
      LOG.warn("user {} was created, but the first-login email could not be sent: {}", userId, e.getMessage());
    }
  }

  @Override
  public DirectoryUser updateUser(String userId, Map<String, Object> changes) {
    UserInput input;
    try {
      input = UserInput.forUpdate(changes);
    } catch (IllegalArgumentException e) {
      throw Errors.invalid("updateUser", "user " + userId + ": " + e.getMessage());
    }
    return UserMapping.toDirectory(client.users().update(userId, input), false, null);
  }

  @Override
  public void setCustomData(String userId, Map<String, Object> values) {
    Map<String, Object> set = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    values.forEach((k, v) -> {
      if (v == null) removed.add(k);
      else set.put(k, v);
    });
    set.forEach(udfKeys::ensure);
    if (!set.isEmpty()) client.users().setUdfValue(userId, set);
    removed.forEach(k -> client.users().removeUdfValue(userId, k));
  }

  @Override
  public void blockUser(String userId) {
    client.users().update(userId, UserInput.forUpdate(Map.of("blocked", true)));
    client.users().kick(List.of(userId));
  }

  @Override
  public void deleteUser(String userId) {
    try {
      client.users().delete(userId);
    } catch (AuthingException e) {
      if (e.code() != Errors.USER_NOT_FOUND) throw e;
    }
  }

  @Override
  public List<DirectoryGroup> listGroups() {
    List<DirectoryGroup> out = new ArrayList<>();
    pages(page -> client.groups().list(page, PAGE), g -> out.add(new DirectoryGroup(g.code(), g.name(), g.description())));
    return out;
  }

  @Override
  public void createGroup(String code, String name) {
    client.groups().create(code, name == null || name.isBlank() ? code : name, null);
  }

  @Override
  public void addGroupMembers(String groupCode, Collection<String> userIds) {
    chunks(userIds, chunk -> client.groups().addUsers(groupCode, chunk));
  }

  @Override
  public void removeGroupMembers(String groupCode, Collection<String> userIds) {
    chunks(userIds, chunk -> client.groups().removeUsers(groupCode, chunk));
  }

  /** Looks the group up first ({@code group(code)}): deleting an absent group is an error on the server. */
  @Override
  public void deleteGroup(String code) {
    if (client.groups().detail(code).isEmpty()) return;
    client.groups().delete(code);
  }

  @Override
  public List<RoleRef> listRoles(String namespace) {
    List<RoleRef> out = new ArrayList<>();
    pages(page -> client.roles().list(namespace, page, PAGE), r -> out.add(new RoleRef(r.namespace() == null ? namespace : r.namespace(), r.code())));
    return out;
  }

  @Override
  public void createRole(RoleRef role) {
    namespaces.ensure(role.namespace());
    client.roles().create(role.namespace(), role.code(), null);
  }

  @Override
  public void assignRole(RoleRef role, Collection<String> userIds) {
    chunks(userIds, chunk -> client.roles().addUsers(role.namespace(), role.code(), chunk));
  }

  @Override
  public void revokeRole(RoleRef role, Collection<String> userIds) {
    chunks(userIds, chunk -> client.roles().removeUsers(role.namespace(), role.code(), chunk));
  }

  @Override
  public List<DirectoryDepartment> listDepartments() {
    return org.departments();
  }

  @Override
  public DirectoryDepartment createDepartment(String code, String name, String parentCode) {
    return org.create(code, name, parentCode);
  }

  @Override
  public void renameDepartment(String code, String name) {
    org.rename(code, name);
  }

  @Override
  public void moveDepartment(String code, String newParentCode) {
    org.move(code, newParentCode);
  }

  @Override
  public void deleteDepartment(String code) {
    org.delete(code);
  }

  @Override
  public void addDepartmentMembers(String departmentCode, Collection<String> userIds) {
    if (userIds.isEmpty()) return;
    String nodeId = org.nodeId(departmentCode);
    chunks(userIds, chunk -> client.org().addMembers(nodeId, chunk));
  }

  @Override
  public void removeDepartmentMembers(String departmentCode, Collection<String> userIds) {
    if (userIds.isEmpty()) return;
    String nodeId = org.nodeId(departmentCode);
    chunks(userIds, chunk -> client.org().removeMembers(nodeId, chunk));
  }

  @Override
  public void setMainDepartment(String userId, String departmentCode) {
    client.org().setMainDepartment(userId, departmentCode == null ? null : org.nodeId(departmentCode));
  }

  @Override
  public Map<String, Long> callCounts() {
    return client.callCounts();
  }

  @Override
  public void checkAccess() {
    try {
      client.checkAccess();
    } catch (AuthingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AuthingException(DirectoryException.Kind.FATAL, "accessToken", 0, 0, -1,
          "cannot check access to Authing: " + e.getClass().getSimpleName(), null);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private <T> void pages(java.util.function.IntFunction<Paginated<T>> fetch, Consumer<T> each) {
    Set<Integer> guard = new HashSet<>();
    for (int page = 1; guard.add(page); page++) {
      int n = page;
      Paginated<T> p = reads.call(() -> fetch.apply(n));
      p.list().forEach(each);
      if (p.list().size() < PAGE || (long) page * PAGE >= p.totalCount()) return;
    }
  }

  private static void chunks(Collection<String> ids, Consumer<List<String>> call) {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    for (int i = 0; i < all.size(); i += MAX_LOOKUP_BATCH) {
      call.accept(all.subList(i, Math.min(all.size(), i + MAX_LOOKUP_BATCH)));
    }
  }
}
