package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Roles (unique by namespace + code) and their grants to users, groups and org nodes. */
final class RoleStore {
    private final Database db;
    private final Table roles;
    private final Links userGrants;
    private final Links groupGrants;
    private final Links nodeGrants;
    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final IdGenerator ids;
    private final Clock clock;
    private final String poolId;
    private final NamespaceStore namespaces;
    private final GroupStore groups;

    RoleStore(Database db, IdGenerator ids, Clock clock, String poolId, NamespaceStore namespaces,
              GroupStore groups, UserStore users) {
        this.db = db;
        this.roles = db.table("roles");
        this.userGrants = new Links(db, "roleUsers");
        this.groupGrants = new Links(db, "roleGroups");
        this.nodeGrants = new Links(db, "roleNodes");
        this.ids = ids;
        this.clock = clock;
        this.poolId = poolId;
        this.namespaces = namespaces;
        this.groups = groups;
        roles.values().forEach(r -> byKey.put(key((String) r.get("namespace"), (String) r.get("code")), (String) r.get("id")));
        users.onDelete(userGrants::removeB);
    }

    static String ns(String namespace) {
        return namespace == null || namespace.isBlank() ? NamespaceStore.DEFAULT : namespace;
    }

    Map<String, Object> get(String code, String namespace) {
        String id = code == null ? null : byKey.get(key(ns(namespace), code));
        return id == null ? null : roles.get(id);
    }

    Map<String, Object> byId(String id) {
        return id == null ? null : roles.get(id);
    }

    Map<String, Object> require(String code, String namespace) {
        Map<String, Object> role = get(code, namespace);
        if (role == null) {
            throw ApiException.notFound("role " + code + " does not exist in namespace " + ns(namespace));
        }
        return role;
    }

    Map<String, Object> create(String namespace, String code, String description, String parent) {
        GroupStore.requireText("code", code);
        String space = ns(namespace);
        return db.write(() -> {
            namespaces.require(space);
            if (byKey.containsKey(key(space, code))) {
                throw ApiException.exists("role " + code + " already exists in namespace " + space);
            }
            if (parent != null) {
                require(parent, space);
            }
            String id = ids.next();
            String now = Times.now(clock);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("namespace", space);
            row.put("code", code);
            row.put("arn", arn(space, code));
            row.put("description", description);
            row.put("isSystem", false);
            row.put("parentCode", parent);
            row.put("createdAt", now);
            row.put("updatedAt", now);
            byKey.put(key(space, code), id);
            return roles.put(id, row);
        });
    }

    Map<String, Object> update(String code, String namespace, String description, String newCode) {
        String space = ns(namespace);
        return db.write(() -> {
            Map<String, Object> row = new LinkedHashMap<>(require(code, space));
            if (newCode != null && !newCode.equals(code)) {
                if (byKey.containsKey(key(space, newCode))) {
                    throw ApiException.exists("role " + newCode + " already exists in namespace " + space);
                }
                byKey.remove(key(space, code));
                byKey.put(key(space, newCode), (String) row.get("id"));
                row.put("code", newCode);
                row.put("arn", arn(space, newCode));
            }
            if (description != null) {
                row.put("description", description);
            }
            row.put("updatedAt", Times.now(clock));
            return roles.put((String) row.get("id"), row);
        });
    }

    Map<String, Object> page(String namespace, Integer page, Integer limit, String sortBy) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> role : roles.values()) {
            if (namespace == null || Objects.equals(namespace, role.get("namespace"))) {
                all.add(role);
            }
        }
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> (String) r.get("id"));
        all.sort("CREATEDAT_DESC".equals(sortBy) ? byId.reversed() : byId);
        return Paging.of(all, page, limit);
    }

    /** Deletes roles; fails and deletes nothing when any is unknown or a system role. */
    void delete(List<String> codes, String namespace) {
        db.write(() -> {
            List<String> missing = codes.stream().filter(c -> get(c, namespace) == null).toList();
            if (!missing.isEmpty()) {
                throw ApiException.notFound("roles do not exist in namespace " + ns(namespace) + ": "
                        + String.join(", ", missing));
            }
            for (String code : codes) {
                Map<String, Object> role = get(code, namespace);
                if (Boolean.TRUE.equals(role.get("isSystem"))) {
                    throw ApiException.invalid("system role " + code + " cannot be deleted");
                }
                String id = (String) role.get("id");
                userGrants.removeA(id);
                groupGrants.removeA(id);
                nodeGrants.removeA(id);
                byKey.remove(key(ns(namespace), code));
                roles.remove(id);
            }
        });
    }

    /** Grants (or revokes) the roles to users, groups and nodes; unknown targets fail the call. */
    void grant(boolean revoke, String namespace, List<String> roleCodes, List<String> userIds,
               List<String> groupCodes, List<String> nodeIds) {
        db.write(() -> {
            List<String> roleIds = roleCodes.stream().map(c -> (String) require(c, namespace).get("id")).toList();
            if (!revoke) {
                groups.requireUsers(userIds);
                groupCodes.forEach(groups::require);
            }
            String now = Times.now(clock);
            for (String roleId : roleIds) {
                for (String user : userIds) {
                    apply(userGrants, revoke, roleId, user, now);
                }
                for (String group : groupCodes) {
                    apply(groupGrants, revoke, roleId, group, now);
                }
                for (String node : nodeIds) {
                    apply(nodeGrants, revoke, roleId, node, now);
                }
            }
        });
    }

    private static void apply(Links links, boolean revoke, String roleId, String target, String now) {
        if (revoke) {
            links.remove(roleId, target);
        } else {
            links.add(roleId, target, Map.of("createdAt", now));
        }
    }

    Set<String> userIds(String roleId) {
        return userGrants.bs(roleId);
    }

    /** Roles granted directly to a user, in the namespace (or all namespaces when null). */
    List<Map<String, Object>> rolesOfUser(String userId, String namespace) {
        return rolesOf(userGrants.as(userId), namespace);
    }

    List<Map<String, Object>> rolesOfNode(String nodeId, String namespace) {
        return rolesOf(nodeGrants.as(nodeId), namespace);
    }

    private List<Map<String, Object>> rolesOf(Set<String> roleIds, String namespace) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : roleIds) {
            Map<String, Object> role = roles.get(id);
            if (role != null && (namespace == null || namespace.equals(role.get("namespace")))) {
                list.add(role);
            }
        }
        return list;
    }

    private String arn(String namespace, String code) {
        return "arn:cn:authing:" + poolId + ":role:" + namespace + ":" + code;
    }

    private static String key(String namespace, String code) {
        return namespace + "\u0001" + code;
    }
}
