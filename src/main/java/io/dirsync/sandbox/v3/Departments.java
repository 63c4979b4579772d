package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.sandbox.PoolStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * v3 organizations and departments over the store's orgs and nodes: an organization is an org
 * whose root node carries the {@code organizationCode}; a department is a node, addressed by id
 * ({@code department_id}) or by its {@code code}; {@code root} names the root.
 */
final class Departments {
    private final PoolStore store;
    private final Views views;

    Departments(PoolStore store, Views views) {
        this.store = store;
        this.views = views;
    }

    /** The org id of the organization with this code, or null. */
    String orgId(String organizationCode) {
        for (Map<String, Object> org : store.orgs()) {
            Map<String, Object> root = store.node((String) org.get("rootNodeId"));
            if (root != null && organizationCode.equals(root.get("code"))) {
                return (String) org.get("id");
            }
        }
        return null;
    }

    String requireOrg(String organizationCode) {
        String id = orgId(organizationCode);
        if (id == null) {
            throw new V3Error(404, 2404, "organization " + organizationCode + " does not exist");
        }
        return id;
    }

    /** The node id of a department of the org, by {@code departmentIdType}. */
    String node(String orgId, String departmentId, String type) {
        if ("root".equals(departmentId)) {
            return store.rootNodeId(orgId);
        }
        Map<String, Object> node;
        String t = type == null ? "department_id" : type;
        switch (t) {
            case "department_id" -> node = store.node(departmentId);
            case "code" -> node = store.nodeByCode(orgId, departmentId);
            default -> throw V3Error.invalid("departmentIdType " + type + " is not supported by the sandbox; use department_id or code");
        }
        if (node == null || !orgId.equals(node.get("orgId"))) {
            throw new V3Error(404, 2404, "department " + departmentId + " (" + t + ") does not exist");
        }
        return (String) node.get("id");
    }

    /** Node ids of {@code departmentIds} given by id or code in any organization (create-user's {@code departmentIds}). */
    List<String> resolveAll(List<String> departmentIds, String type) {
        List<String> out = new ArrayList<>();
        for (String id : departmentIds) {
            String found = null;
            if (type == null || type.equals("department_id")) {
                found = store.node(id) == null ? null : id;
            } else if (type.equals("code")) {
                for (Map<String, Object> org : store.orgs()) {
                    Map<String, Object> node = store.nodeByCode((String) org.get("id"), id);
                    if (node != null && found != null) {
                        throw V3Error.invalid("department code " + id + " is used in several organizations; use department_id");
                    }
                    if (node != null) {
                        found = (String) node.get("id");
                    }
                }
            } else {
                throw V3Error.invalid("departmentIdType " + type + " is not supported by the sandbox; use department_id or code");
            }
            if (found == null) {
                throw new V3Error(404, 2404, "department " + id + " does not exist");
            }
            out.add(found);
        }
        return out;
    }

    String codeOfOrg(String orgId) {
        return (String) store.node(store.rootNodeId(orgId)).get("code");
    }

    /** {@code UserDepartmentRespDto} items of the user, every organization. */
    List<Object> ofUser(String userId) {
        String main = store.mainDepartment(userId);
        List<Object> out = new ArrayList<>();
        for (String nodeId : store.nodesOfUser(userId)) {
            Map<String, Object> node = store.node(nodeId);
            if (node == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("organizationCode", codeOfOrg((String) node.get("orgId")));
            item.put("departmentId", nodeId);
            item.put("isRoot", node.get("parentId") == null);
            item.put("createdAt", node.get("createdAt"));
            item.put("name", node.get("name"));
            item.put("description", node.get("description"));
            item.put("isLeader", store.isLeader(nodeId, userId));
            item.put("code", node.get("code"));
            item.put("isMainDepartment", nodeId.equals(main));
            item.put("joinedAt", node.get("createdAt"));
            item.put("isVirtualNode", false);
            out.add(item);
        }
        return out;
    }

    /** set-user-departments: the user's departments become exactly these, with the main flag. */
    void setOfUser(String userId, List<JsonNode> items) {
        store.atomically(() -> {
            List<String> wanted = new ArrayList<>();
            String main = null;
            for (JsonNode item : items) {
                String id = item.path("departmentId").asText();
                if (store.node(id) == null) {
                    throw new V3Error(404, 2404, "department " + id + " does not exist");
                }
                wanted.add(id);
                if (item.path("isMainDepartment").asBoolean(false)) {
                    main = id;
                }
            }
            for (String current : List.copyOf(store.nodesOfUser(userId))) {
                if (!wanted.contains(current)) {
                    store.removeNodeMembers(current, List.of(userId));
                }
            }
            for (String id : wanted) {
                store.addNodeMembers(id, List.of(userId));
            }
            store.setMainDepartment(userId, main);
            return null;
        });
    }

    Map<String, Object> view(String orgId, String nodeId) {
        return views.department(codeOfOrg(orgId), store.node(nodeId));
    }
}
