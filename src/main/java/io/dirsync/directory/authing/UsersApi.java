package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users module ({@code ManagementClient.users}): users, look-ups, sessions, and the user's
 * side of groups, roles, departments, policies and custom data. Thread-safe.
 */
public final class UsersApi {
  /** The most identifiers {@code users/batch} accepts. */
  public static final int MAX_BATCH = 80;

  private final Transport t;
  private final PasswordCipher passwords;
  private final GroupsApi groups;
  private final RolesApi roles;
  private final UdfApi udf;
  private final PoliciesApi policies;

  UsersApi(Transport transport, PasswordCipher passwords, GroupsApi groups, RolesApi roles, UdfApi udf, PoliciesApi policies) {
    this.t = transport;
    this.passwords = passwords;
    this.groups = groups;
    this.roles = roles;
    this.udf = udf;
    this.policies = policies;
  }

  /** Creates a user; a password is encrypted for transport and, with {@code keepPassword}, stored as given. */
  public User create(UserInput input, boolean keepPassword, boolean resetPasswordOnFirstLogin) {
    Vars vars = Vars.of("userInfo", input.wire(passwords::encrypt)).put("keepPassword", keepPassword)
        .put("resetPasswordOnFirstLogin", resetPasswordOnFirstLogin);
    return Read.user(t.graphqlObject("createUser", Gql.CREATE_USER, vars.map()));
  }

  /**
   * Creates a user with custom data in the same call ({@code createUser(params:)}, the SDK's
   * createUserWithCustomData): {@code params} is a JSON string of {@code [{key, value}]} with raw
   * values (a string as is, a number or boolean as its text, a time as epoch milliseconds). The keys
   * must be defined. The answer carries the custom data the server stored.
   */
  public User createWithCustomData(UserInput input, boolean keepPassword, Map<String, ?> customData) {
    List<Map<String, String>> params = new ArrayList<>();
    customData.forEach((k, v) -> params.add(Map.of("key", k, "value", raw(v))));
    String encoded;
    try {
      encoded = t.json().writeValueAsString(params);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Errors.invalid("createUser", "custom data cannot be encoded");
    }
    Vars vars = Vars.of("userInfo", input.wire(passwords::encrypt)).put("keepPassword", keepPassword).put("params", encoded);
    return Read.user(t.graphqlObject("createUser", Gql.CREATE_USER_WITH_CUSTOM_DATA, vars.map()));
  }

  private static String raw(Object value) {
    if (value instanceof String s) return s;
    if (value instanceof java.time.Instant i) return Long.toString(i.toEpochMilli());
    if (value instanceof Number || value instanceof Boolean) return String.valueOf(value);
    return CustomData.encode(value);
  }

  /** Changes exactly the fields of {@code input}. */
  public User update(String userId, UserInput input) {
    if (input.isEmpty()) throw Errors.invalid("updateUser", "nothing to update");
    return Read.user(t.graphqlObject("updateUser", Gql.UPDATE_USER, Vars.of("id", userId).put("input", input.wire(passwords::encrypt)).map()));
  }

  /** The user, or empty when unknown or deleted. */
  public Optional<User> detail(String userId, boolean withCustomData) {
    JsonNode data = t.rest("GET /api/v2/users/{id}", "GET", "/api/v2/users/" + segment(userId),
        Map.of("with_custom_data", withCustomData), null);
    return data.isObject() ? Optional.of(Read.user(data)) : Optional.empty();
  }

  public CommonMessage delete(String userId) {
    return Read.message(t.graphql("deleteUser", Gql.DELETE_USER, Vars.of("id", userId).map()));
  }

  /** Deletes all or, when one id is unknown, fails (the server deletes nothing then). */
  public CommonMessage deleteMany(Collection<String> userIds) {
    return Read.message(t.graphql("deleteUsers", Gql.DELETE_USERS, Vars.of("ids", List.copyOf(userIds)).map()));
  }

  /** REST {@code users/batch}: up to 80 users by one kind of identifier; unknown ones are left out. */
  public List<User> batch(Collection<String> ids, BatchType type, boolean withCustomData) {
    checkBatch("POST /api/v2/users/batch", ids);
    JsonNode data = t.rest("POST /api/v2/users/batch", "POST", "/api/v2/users/batch", Map.of(),
        Vars.of("ids", List.copyOf(ids)).put("type", type.wire()).put("withCustomData", withCustomData).map());
    return Read.list(data, Read::user);
  }

  public Paginated<User> list(int page, int limit, boolean withCustomData, boolean excludeUsersInOrg) {
    Vars vars = Vars.of("page", page).put("limit", limit).put("excludeUsersInOrg", excludeUsersInOrg);
    return Read.page(t.graphql("users", withCustomData ? Gql.USERS_WITH_CUSTOM_DATA : Gql.USERS, vars.map()), Read::user);
  }

  /** A page in creation order ({@code sortBy: CREATEDAT_ASC}), for full scans. */
  public Paginated<User> listInCreationOrder(int page, int limit, boolean withCustomData) {
    Vars vars = Vars.of("page", page).put("limit", limit).put("sortBy", "CREATEDAT_ASC").put("excludeUsersInOrg", false);
    return Read.page(t.graphql("users", withCustomData ? Gql.USERS_WITH_CUSTOM_DATA : Gql.USERS, vars.map()), Read::user);
  }

  public Paginated<User> listArchivedUsers(int page, int limit) {
    return Read.page(t.graphql("archivedUsers", Gql.ARCHIVED_USERS, Vars.of("page", page).put("limit", limit).map()), Read::user);
  }

  /** Whether a user matches any given identifier (nulls are ignored). */
  public boolean exists(String username, String email, String phone, String externalId) {
    Vars vars = Vars.of("email", email).put("phone", phone).put("username", username).put("externalId", externalId);
    return t.graphql("isUserExists", Gql.IS_USER_EXISTS, vars.map()).asBoolean(false);
  }

  /** The user matching the given identifiers exactly (nulls are ignored), or empty. */
  public Optional<User> find(String username, String email, String phone, String externalId, boolean withCustomData) {
    Vars vars = Vars.of("email", email).put("phone", phone).put("username", username).put("externalId", externalId);
    JsonNode n = t.graphql("findUser", withCustomData ? Gql.FIND_USER_WITH_CUSTOM_DATA : Gql.FIND_USER, vars.map());
    return n.isObject() ? Optional.of(Read.user(n)) : Optional.empty();
  }

  /** Fuzzy search; empty filters and a null {@code fields} mean "any". */
  public Paginated<User> search(String query, List<String> fields, int page, int limit, List<String> departmentIds,
      boolean includeChildrenDepartments, List<String> groupCodes, List<RoleRef> roles, boolean withCustomData) {
    Vars vars = Vars.of("query", query).put("fields", fields).put("page", page).put("limit", limit);
    if (!departmentIds.isEmpty()) {
      vars.put("departmentOpts", departmentIds.stream()
          .map(d -> Map.of("departmentId", d, "includeChildrenDepartments", includeChildrenDepartments)).toList());
    }
    if (!groupCodes.isEmpty()) vars.put("groupOpts", groupCodes.stream().map(c -> Map.of("code", c)).toList());
    if (!roles.isEmpty()) vars.put("roleOpts", roles.stream().map(r -> Map.of("namespace", r.namespace(), "code", r.code())).toList());
    String doc = withCustomData ? Gql.SEARCH_USER_WITH_CUSTOM_DATA : Gql.SEARCH_USER;
    return Read.page(t.graphql("searchUser", doc, vars.map()), Read::user);
  }

  /** Ends the sessions of these users. */
  public CommonMessage kick(Collection<String> userIds) {
    t.rest("POST /api/v2/users/kick", "POST", "/api/v2/users/kick", Map.of(), Map.of("userIds", List.copyOf(userIds)));
    return new CommonMessage(200, "强制下线成功");
  }

  /** Logs the user out (of one app when {@code appId} is given). */
  public CommonMessage logout(String userId, String appId) {
    if (userId == null || userId.isBlank()) throw Errors.invalid("logout", "userId is required");
    t.rest("GET /logout", "GET", "/logout", Vars.of("userId", userId).put("appId", appId).map(), null);
    return new CommonMessage(200, "logout success");
  }

  public LoginStatus checkLoginStatus(String userId, String appId, String deviceId) {
    JsonNode data = t.rest("GET /api/v2/users/login-status", "GET", "/api/v2/users/login-status",
        Vars.of("userId", userId).put("appId", appId).put("deviceId", deviceId).map(), null);
    JsonNode user = data.path("user");
    return new LoginStatus(data.path("isLogin").asBoolean(false), user.isObject() ? Read.user(user) : null);
  }

  /** Issues a fresh user token. */
  public RefreshedToken refreshToken(String userId) {
    JsonNode n = t.graphql("refreshToken", Gql.REFRESH_TOKEN, Vars.of("id", userId).map());
    return new RefreshedToken(Read.text(n, "token"), n.path("iat").asLong(), n.path("exp").asLong());
  }

  public CommonMessage sendFirstLoginVerifyEmail(String userId, String appId) {
    return Read.message(t.graphql("sendFirstLoginVerifyEmail", Gql.SEND_FIRST_LOGIN_VERIFY_EMAIL,
        Vars.of("userId", userId).put("appId", appId).map()));
  }

  /** The audit log of one user (all users when null), newest first. */
  public Paginated<UserAction> listUserActions(String userId, List<String> operationNames, int page, int limit) {
    List<String> arns = new ArrayList<>();
    if (userId != null) arns.add("arn:cn:authing:" + t.userPoolId() + ":user:" + userId);
    JsonNode data = t.rest("GET /api/v2/analysis/user-action", "GET", "/api/v2/analysis/user-action",
        Vars.of("operation_name[]", operationNames).put("operator_arn[]", arns).put("page", page).put("limit", limit).map(), null);
    List<UserAction> list = Read.list(data.path("list"), a -> new UserAction(Read.text(a, "userpool_id"),
        Read.text(a.path("user"), "id"), Read.text(a.path("user"), "displayName"), Read.text(a.path("geoip"), "city_name"),
        Read.text(a.path("geoip"), "region_name"), Read.text(a.path("geoip"), "ip"), Read.text(a, "operation_desc"),
        Read.text(a, "operation_name"), Read.text(a, "timestamp"), Read.text(a, "app_id"), Read.text(a.path("app"), "name")));
    return new Paginated<>(data.path("totalCount").asInt(list.size()), list);
  }

  /**
   * One path per department membership: the org object ({@code type: "org"}) followed by the nodes
   * from the root down ({@code type: "node"}), as plain maps (the server leaves them untyped).
   */
  public List<List<Map<String, Object>>> listOrgs(String userId) {
    JsonNode data = t.rest("GET /api/v2/users/{id}/orgs", "GET", "/api/v2/users/" + segment(userId) + "/orgs", Map.of(), null);
    return Read.list(data, path -> Read.list(path, item -> t.json().convertValue(item,
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {})));
  }

  // --- the user's groups, roles, departments and resources

  public Paginated<Group> listGroups(String userId) {
    return Read.page(userField("getUserGroups", Gql.GET_USER_GROUPS, Vars.of("id", userId)).path("groups"), Read::group);
  }

  public CommonMessage addGroup(String userId, String groupCode) {
    return groups.addUsers(groupCode, List.of(userId));
  }

  public CommonMessage removeGroup(String userId, String groupCode) {
    return groups.removeUsers(groupCode, List.of(userId));
  }

  /** The user's roles in {@code namespace} (null = default). */
  public Paginated<Role> listRoles(String userId, String namespace) {
    JsonNode user = userField("getUserRoles", Gql.GET_USER_ROLES, Vars.of("id", userId).put("namespace", namespace));
    return Read.page(user.path("roles"), Read::role);
  }

  public CommonMessage addRoles(String userId, Collection<String> roleCodes, String namespace) {
    Vars vars = Vars.of("roleCodes", List.copyOf(roleCodes)).put("userIds", List.of(userId)).put("namespace", namespace);
    return Read.message(t.graphql("assignRole", Gql.ASSIGN_ROLE, vars.map()));
  }

  public CommonMessage removeRoles(String userId, Collection<String> roleCodes, String namespace) {
    Vars vars = Vars.of("roleCodes", List.copyOf(roleCodes)).put("userIds", List.of(userId)).put("namespace", namespace);
    return Read.message(t.graphql("revokeRole", Gql.REVOKE_ROLE, vars.map()));
  }

  public boolean hasRole(String userId, String roleCode, String namespace) {
    return listRoles(userId, namespace).list().stream().anyMatch(r -> r.code().equals(roleCode));
  }

  /** The user's departments in every org. */
  public Paginated<UserDepartment> listDepartment(String userId) {
    JsonNode user = userField("getUserDepartments", Gql.GET_USER_DEPARTMENTS, Vars.of("id", userId));
    return Read.page(user.path("departments"), Read::userDepartment);
  }

  public Paginated<AuthorizedResource> listAuthorizedResources(String userId, String namespace, String resourceType) {
    Vars vars = Vars.of("id", userId).put("namespace", namespace).put("resourceType", resourceType);
    return Read.page(userField("listUserAuthorizedResources", Gql.LIST_USER_AUTHORIZED_RESOURCES, vars).path("authorizedResources"),
        Read::resource);
  }

  // --- policies

  public Paginated<PolicyAssignment> listPolicies(String userId, int page, int limit) {
    return policies.listAssignments("USER", userId, page, limit);
  }

  public CommonMessage addPolicies(String userId, Collection<String> policyCodes) {
    return policies.addAssignments(policyCodes, "USER", List.of(userId));
  }

  public CommonMessage removePolicies(String userId, Collection<String> policyCodes) {
    return policies.removeAssignments(policyCodes, "USER", List.of(userId));
  }

  // --- custom data

  /** The user's custom data, decoded. */
  public Map<String, Object> getUdfValue(String userId) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    udf.listUdv("USER", userId).forEach(v -> out.put(v.key(), v.decoded()));
    return out;
  }

  public Map<String, Map<String, Object>> getUdfValueBatch(Collection<String> userIds) {
    return udf.values("USER", userIds);
  }

  /** Sets several values of one user in one call. */
  public List<UdfValue> setUdfValue(String userId, Map<String, ?> values) {
    return udf.setUdvBatch("USER", userId, values);
  }

  public CommonMessage setUdfValueBatch(Map<String, ? extends Map<String, ?>> valuesByUser) {
    return udf.setUdfValueBatch("USER", valuesByUser);
  }

  public List<UdfValue> removeUdfValue(String userId, String key) {
    return udf.removeUdv("USER", userId, key);
  }

  public List<UdfValue> listUdv(String userId) {
    return udf.listUdv("USER", userId);
  }

  public List<UdfValue> setUdv(String userId, String key, Object value) {
    return udf.setUdv("USER", userId, key, value);
  }

  public List<UdfValue> removeUdv(String userId, String key) {
    return udf.removeUdv("USER", userId, key);
  }

  /** {@code data.user} of a query on one user; a missing user is error 2004 (the SDK would crash). */
  private JsonNode userField(String op, String doc, Vars vars) {
    JsonNode user = t.graphql("user", doc, vars.map());
    if (!user.isObject()) throw t.errors().business(op, Errors.USER_NOT_FOUND, 200, "user does not exist");
    return user;
  }

  static void checkBatch(String op, Collection<String> ids) {
    if (ids.isEmpty()) throw Errors.invalid(op, "no identifiers given");
    if (ids.size() > MAX_BATCH) {
      throw Errors.invalid(op, "one look-up may not exceed " + MAX_BATCH + " users, got " + ids.size() + "; split the batch");
    }
  }

  static String segment(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
