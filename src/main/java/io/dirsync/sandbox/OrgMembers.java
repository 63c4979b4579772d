package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Department membership of users, leaders and each user's main department. */
final class OrgMembers {
    private final Database db;
    private final Clock clock;
    private final OrgStore orgs;
    private final UserStore users;
    private final Links members;

    OrgMembers(Database db, Clock clock, OrgStore orgs, UserStore users) {
        this.db = db;
        this.clock = clock;
        this.orgs = orgs;
        this.users = users;
        this.members = new Links(db, "nodeMembers");
        users.onDelete(members::removeB);
        orgs.onNodeDelete(this::dropNode);
    }

    /** Resolves a node from its id, or from org id + node code. */
    String resolve(String nodeId, String orgId, String nodeCode) {
        if (nodeId != null) {
            return (String) orgs.requireNode(nodeId).get("id");
        }
        if (orgId != null && nodeCode != null) {
            Map<String, Object> node = orgs.nodeByCode(orgId, nodeCode);
            if (node == null) {
                throw ApiException.notFound("node with code " + nodeCode + " does not exist in organisation " + orgId);
            }
            return (String) node.get("id");
        }
        throw ApiException.invalid("give nodeId, or orgId and nodeCode");
    }

    /** Adds members (an unknown user fails the call, adds nobody); existing members stay members. */
    void add(String nodeId, List<String> userIds, Boolean isLeader) {
        db.write(() -> {
            orgs.requireNode(nodeId);
            requireUsers(userIds);
            String now = Times.now(clock);
            for (String user : userIds) {
                if (!members.add(nodeId, user, Map.of("joinedAt", now, "isLeader", Boolean.TRUE.equals(isLeader)))
                        && isLeader != null) {
                    members.update(nodeId, user, Map.of("isLeader", isLeader));
                }
            }
        });
    }

    void remove(String nodeId, List<String> userIds) {
        db.write(() -> {
            orgs.requireNode(nodeId);
            for (String user : userIds) {
                members.remove(nodeId, user);
                clearMainIf(user, nodeId);
            }
        });
    }

    void move(List<String> userIds, String sourceNodeId, String targetNodeId) {
        db.write(() -> {
            orgs.requireNode(sourceNodeId);
            orgs.requireNode(targetNodeId);
            requireUsers(userIds);
            String now = Times.now(clock);
            for (String user : userIds) {
                boolean wasMain = sourceNodeId.equals(mainOf(user));
                members.remove(sourceNodeId, user);
                members.add(targetNodeId, user, Map.of("joinedAt", now, "isLeader", false));
                if (wasMain) {
                    users.patch(user, Map.of("mainDepartmentId", targetNodeId));
                }
            }
        });
    }

    /** Sets the user's main department (adding membership when missing); null clears it. */
    void setMain(String userId, String departmentId) {
        db.write(() -> {
            users.require(userId);
            if (departmentId != null) {
                orgs.requireNode(departmentId);
                members.add(departmentId, userId, Map.of("joinedAt", Times.now(clock), "isLeader", false));
            }
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("mainDepartmentId", departmentId);
            users.patch(userId, patch);
        });
    }

    String mainOf(String userId) {
        Map<String, Object> user = users.get(userId);
        return user == null ? null : (String) user.get("mainDepartmentId");
    }

    /** Member ids of the node (and of its descendants when asked), in creation order, no repeats. */
    Set<String> memberIds(String nodeId, boolean includeChildren) {
        if (!includeChildren) {
            return members.bs(nodeId);
        }
        Set<String> all = new TreeSet<>();
        for (String id : orgs.subtree(nodeId)) {
            all.addAll(members.bs(id));
        }
        return all;
    }

    Set<String> nodesOf(String userId) {
        return members.as(userId);
    }

    /** {@code UserDepartment} items of the user, optionally only within one org. */
    List<Map<String, Object>> departmentsOf(String userId, String orgId) {
        String main = mainOf(userId);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String nodeId : members.as(userId)) {
            Map<String, Object> node = orgs.node(nodeId);
            if (node == null || (orgId != null && !orgId.equals(node.get("orgId")))) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("department", node);
            item.put("isMainDepartment", nodeId.equals(main));
            item.put("joinedAt", members.row(nodeId, userId).get("joinedAt"));
            list.add(item);
        }
        return list;
    }

    boolean isLeader(String nodeId, String userId) {
        Map<String, Object> row = members.row(nodeId, userId);
        return row != null && Boolean.TRUE.equals(row.get("isLeader"));
    }

    private void dropNode(String nodeId) {
        for (String user : new LinkedHashSet<>(members.bs(nodeId))) {
            clearMainIf(user, nodeId);
        }
        members.removeA(nodeId);
    }

    private void clearMainIf(String userId, String nodeId) {
        if (nodeId.equals(mainOf(userId))) {
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("mainDepartmentId", null);
            users.patch(userId, patch);
        }
    }

    private void requireUsers(List<String> userIds) {
        List<String> missing = userIds.stream().filter(u -> users.get(u) == null).distinct().toList();
        if (!missing.isEmpty()) {
            throw new ApiException(ApiException.NOT_FOUND, "users do not exist: " + String.join(", ", missing));
        }
    }
}
