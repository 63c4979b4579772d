package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sandbox's one store as the v3 routes ({@code sandbox.v3}) see it: users, groups, roles,
 * organizations and custom data, shared with the v2 API so one pool is visible through both.
 * Rows are maps in the store's (v2) field names. Failures are {@link StoreError}s carrying the
 * store's business code. Thread-safe.
 */
public final class PoolStore {
    /** A refused store operation: {@code code} is the v2 business code (2004 not found, 2026 duplicate…). */
    public static final class StoreError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        StoreError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final Sandbox s;
    private final Passwords passwords;

    PoolStore(Sandbox sandbox) {
        this.s = sandbox;
        this.passwords = new Passwords(sandbox.keys());
    }

    public String userPoolId() {
        return s.options().userPoolId();
    }

    public String secret() {
        return s.options().secret();
    }

    public Clock clock() {
        return s.clock();
    }

    /** Runs one store operation in the store's write lock, so several steps apply together or not at all. */
    public <T> T atomically(Supplier<T> work) {
        return call(() -> s.db().write(work));
    }

    // --- users

    public Map<String, Object> user(String id) {
        return s.users().get(id);
    }

    /** By {@code id}, {@code username}, {@code email}, {@code phone} or {@code externalId}; null when absent. */
    public Map<String, Object> findUser(String field, String value) {
        return call(() -> s.users().findBy(field, value));
    }

    /** Creates a user; a {@code password} in {@code input} is in clear (hashed, or kept as given with {@code keepPassword}). */
    public Map<String, Object> createUser(Map<String, Object> input, boolean keepPassword) {
        return call(() -> s.db().write(() -> {
            Map<String, Object> fields = new LinkedHashMap<>(input);
            Object password = fields.remove("password");
            String stored = password == null ? null : passwords.fromPlain(password.toString(), keepPassword);
            Map<String, Object> row = s.users().create(fields, false);
            return stored == null ? row : s.users().patch((String) row.get("id"), Map.of("password", stored));
        }));
    }

    /** Updates a user; a {@code password} in {@code input} is in clear. */
    public Map<String, Object> updateUser(String id, Map<String, Object> input) {
        return call(() -> s.db().write(() -> {
            Map<String, Object> fields = new LinkedHashMap<>(input);
            Object password = fields.remove("password");
            Map<String, Object> row = fields.isEmpty() ? s.users().require(id) : s.users().update(id, fields);
            return password == null ? row : s.users().patch(id, Map.of("password", passwords.fromPlain(password.toString(), false)));
        }));
    }

    /** Sets server-owned fields ({@code status}, {@code blocked}, {@code mainDepartmentId}). */
    public Map<String, Object> patchUser(String id, Map<String, Object> fields) {
        return call(() -> s.users().patch(id, fields));
    }

    public void deleteUsers(List<String> ids) {
        call(() -> {
            s.users().archive(ids);
            return null;
        });
    }

    /** A {@code {totalCount, list}} page of users in creation order. */
    public Map<String, Object> userPage(int page, int limit) {
        return s.users().page(page, limit, null, u -> true);
    }

    public int userCount() {
        return s.users().count();
    }

    // --- custom data

    public List<Map<String, Object>> fieldDefinitions(String targetType) {
        return s.udf().definitions(targetType);
    }

    public Map<String, Object> defineField(String targetType, String key, String dataType, String label) {
        return call(() -> s.udf().define(targetType, key, dataType, label, null));
    }

    /** Values by key as stored text, with each key's data type: {@code [dataType, text]}. */
    public Map<String, List<String>> customData(String targetType, String targetId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, Object> item : s.udf().valuesOf(targetType, targetId)) {
            out.put((String) item.get("key"), List.of((String) item.get("dataType"), (String) item.get("value")));
        }
        return out;
    }

    /** Sets JSON-encoded values (a null value removes the key); all are checked before any is written. */
    public void setCustomData(String targetType, String targetId, Map<String, String> jsonValues) {
        call(() -> {
            Map<String, String> set = new LinkedHashMap<>();
            List<String> removed = new ArrayList<>();
            jsonValues.forEach((k, v) -> {
                if (v == null) {
                    removed.add(k);
                } else {
                    set.put(k, v);
                }
            });
            if (!set.isEmpty()) {
                s.udf().set(targetType, targetId, set);
            }
            removed.forEach(k -> s.udf().remove(targetType, targetId, k));
            return null;
        });
    }

    // --- groups

    public Map<String, Object> group(String code) {
        return s.groups().get(code);
    }

    public Map<String, Object> createGroup(String code, String name, String description) {
        return call(() -> s.groups().create(code, name, description));
    }

    public Map<String, Object> groupPage(int page, int limit) {
        return s.groups().page(page, limit, null);
    }

    public void deleteGroups(List<String> codes) {
        call(() -> {
            s.groups().delete(codes);
            return null;
        });
    }

    public void addGroupMembers(String code, List<String> userIds) {
        call(() -> {
            s.groups().addUsers(code, userIds);
            return null;
        });
    }

    public void removeGroupMembers(String code, List<String> userIds) {
        call(() -> {
            s.groups().removeUsers(code, userIds);
            return null;
        });
    }

    public Set<String> groupMemberIds(String code) {
        return s.groups().memberIds(code);
    }

    public List<Map<String, Object>> groupsOfUser(String userId) {
        return s.groups().groupsOf(userId);
    }

    // --- roles and namespaces

    public Map<String, Object> namespace(String code) {
        return s.namespaces().get(code);
    }

    public Map<String, Object> createNamespace(String code, String name, String description) {
        return call(() -> s.namespaces().create(code, name, description));
    }

    public Map<String, Object> role(String code, String namespace) {
        return s.roles().get(code, namespace);
    }

    public Map<String, Object> createRole(String namespace, String code, String description) {
        return call(() -> s.roles().create(namespace, code, description, null));
    }

    public Map<String, Object> rolePage(String namespace, int page, int limit) {
        return s.roles().page(namespace, page, limit, null);
    }

    public void deleteRoles(List<String> codes, String namespace) {
        call(() -> {
            s.roles().delete(codes, namespace);
            return null;
        });
    }

    public void grantRoles(boolean revoke, String namespace, List<String> roleCodes, List<String> userIds) {
        call(() -> {
            s.roles().grant(revoke, namespace, roleCodes, userIds, List.of(), List.of());
            return null;
        });
    }

    public Set<String> roleMemberIds(String roleId) {
        return s.roles().userIds(roleId);
    }

    public List<Map<String, Object>> rolesOfUser(String userId, String namespace) {
        return s.roles().rolesOfUser(userId, namespace);
    }

    // --- organizations and departments

    public List<Map<String, Object>> orgs() {
        return s.orgs().allOrgs();
    }

    public Map<String, Object> createOrg(String name, String code, String description) {
        return call(() -> s.orgs().createOrg(name, code, description, null));
    }

    public Map<String, Object> node(String id) {
        return s.orgs().node(id);
    }

    public Map<String, Object> nodeByCode(String orgId, String code) {
        return s.orgs().nodeByCode(orgId, code);
    }

    public String rootNodeId(String orgId) {
        return s.orgs().rootId(orgId);
    }

    public List<String> childNodeIds(String nodeId) {
        return s.orgs().children(nodeId);
    }

    /** The node and its descendants, parents first. */
    public List<String> subtree(String nodeId) {
        return s.orgs().subtree(nodeId);
    }

    public Map<String, Object> addNode(String orgId, String parentId, String name, String code, String description) {
        return call(() -> s.orgs().addNode(orgId, parentId, name, code, description, null, null, 0));
    }

    public Map<String, Object> updateNode(String id, String name, String code, String description) {
        return call(() -> s.orgs().updateNode(id, name, code, description));
    }

    public void moveNode(String orgId, String nodeId, String parentId) {
        call(() -> {
            s.orgs().moveNode(orgId, nodeId, parentId);
            return null;
        });
    }

    public void deleteNode(String orgId, String nodeId) {
        call(() -> {
            s.orgs().deleteNode(orgId, nodeId);
            return null;
        });
    }

    public void addNodeMembers(String nodeId, List<String> userIds) {
        call(() -> {
            s.members().add(nodeId, userIds, null);
            return null;
        });
    }

    public void removeNodeMembers(String nodeId, List<String> userIds) {
        call(() -> {
            s.members().remove(nodeId, userIds);
            return null;
        });
    }

    public Set<String> nodeMemberIds(String nodeId, boolean includeChildren) {
        return s.members().memberIds(nodeId, includeChildren);
    }

    /** Node ids the user is a direct member of. */
    public Set<String> nodesOfUser(String userId) {
        return s.members().nodesOf(userId);
    }

    public boolean isLeader(String nodeId, String userId) {
        return s.members().isLeader(nodeId, userId);
    }

    /** Sets (null clears) the user's main department; membership is added when missing. */
    public void setMainDepartment(String userId, String nodeId) {
        call(() -> {
            s.members().setMain(userId, nodeId);
            return null;
        });
    }

    public String mainDepartment(String userId) {
        return s.members().mainOf(userId);
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw new StoreError(e.code(), e.getMessage());
        }
    }
}
