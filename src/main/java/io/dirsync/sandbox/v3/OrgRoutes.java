package io.dirsync.sandbox.v3;

import io.dirsync.sandbox.PoolStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v3 organization and department routes. */
final class OrgRoutes {
    private final PoolStore store;
    private final Views views;
    private final Departments departments;

    OrgRoutes(PoolStore store, Views views, Departments departments) {
        this.store = store;
        this.views = views;
        this.departments = departments;
    }

    void register(Routes r) {
        r.post("create-organization", req -> {
            String code = req.required("organizationCode");
            String orgId = store.atomically(() -> {
                if (departments.orgId(code) != null) {
                    throw new V3Error(400, 2409, "organization " + code + " already exists");
                }
                return (String) store.createOrg(req.required("organizationName"), code, req.text("description")).get("id");
            });
            return organization(orgId);
        });
        r.get("get-organization", req -> organization(departments.requireOrg(req.required("organizationCode"))));
        r.get("list-organizations", req -> {
            List<Object> all = new ArrayList<>();
            store.orgs().forEach(o -> all.add(organization((String) o.get("id"))));
            return Views.page(all, req.integer("page", 1), req.limit(10));
        });
        r.post("create-department", req -> {
            String orgId = departments.requireOrg(req.required("organizationCode"));
            String parent = departments.node(orgId, req.required("parentDepartmentId"), req.text("departmentIdType"));
            Map<String, Object> node = store.addNode(orgId, parent, req.required("name"), req.text("code"), req.text("description"));
            return departments.view(orgId, (String) node.get("id"));
        });
        r.post("update-department", req -> {
            String orgId = departments.requireOrg(req.required("organizationCode"));
            String id = departments.node(orgId, req.required("departmentId"), req.text("departmentIdType"));
            store.atomically(() -> {
                if (req.text("name") != null || req.text("code") != null || req.text("description") != null) {
                    store.updateNode(id, req.text("name"), req.text("code"), req.text("description"));
                }
                if (req.text("parentDepartmentId") != null) {
                    store.moveNode(orgId, id, departments.node(orgId, req.text("parentDepartmentId"), "department_id"));
                }
                return null;
            });
            return departments.view(orgId, id);
        });
        r.post("delete-department", req -> {
            String orgId = departments.requireOrg(req.required("organizationCode"));
            String id = departments.node(orgId, req.required("departmentId"), req.text("departmentIdType"));
            if (!store.childNodeIds(id).isEmpty()) {
                throw V3Error.invalid("department " + req.text("departmentId") + " has child departments; delete them first");
            }
            store.deleteNode(orgId, id);
            return Routes.success();
        });
        r.get("get-department", req -> {
            String orgId = departments.requireOrg(req.required("organizationCode"));
            String key = req.text("departmentId") != null ? req.text("departmentId") : req.required("departmentCode");
            String type = req.text("departmentId") != null ? req.text("departmentIdType") : "code";
            return departments.view(orgId, departments.node(orgId, key, type));
        });
        r.get("list-children-departments", req -> {
            String orgId = departments.requireOrg(req.required("organizationCode"));
            String id = departments.node(orgId, req.required("departmentId"), req.text("departmentIdType"));
            List<Object> list = new ArrayList<>();
            store.childNodeIds(id).forEach(c -> list.add(departments.view(orgId, c)));
            return Views.page(list, 1, Math.max(1, list.size()));
        });
        r.get("get-all-departments", req -> {
            String orgId = departments.requireOrg(req.required("organizationCode"));
            String from = req.text("departmentId") == null ? "root" : req.text("departmentId");
            String id = departments.node(orgId, from, req.text("departmentIdType"));
            List<Object> list = new ArrayList<>();
            store.subtree(id).stream().filter(n -> !n.equals(id)).forEach(n -> list.add(departments.view(orgId, n)));
            return Views.page(list, 1, Math.max(1, list.size()));
        });
        r.post("add-department-members", req -> {
            String node = memberNode(req);
            store.addNodeMembers(node, req.strings("userIds", UserRoutes.BATCH));
            return Routes.success();
        });
        r.post("remove-department-members", req -> {
            String node = memberNode(req);
            store.removeNodeMembers(node, req.strings("userIds", UserRoutes.BATCH));
            return Routes.success();
        });
        r.get("list-department-members", req -> {
            String node = memberNode(req);
            List<Object> users = new ArrayList<>();
            for (String id : store.nodeMemberIds(node, req.bool("includeChildrenDepartments"))) {
                Map<String, Object> user = store.user(id);
                if (user != null) {
                    users.add(views.user(user, req));
                }
            }
            return Views.page(users, req.integer("page", 1), req.limit(10));
        });
        r.get("list-department-member-ids", req -> new ArrayList<>(store.nodeMemberIds(memberNode(req), false)));
    }

    private String memberNode(V3Request req) {
        String orgId = departments.requireOrg(req.required("organizationCode"));
        return departments.node(orgId, req.required("departmentId"), req.text("departmentIdType"));
    }

    private Map<String, Object> organization(String orgId) {
        String rootId = store.rootNodeId(orgId);
        Map<String, Object> root = store.node(rootId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("organizationCode", root.get("code"));
        out.put("organizationName", root.get("name"));
        out.put("description", root.get("description"));
        out.put("createdAt", root.get("createdAt"));
        out.put("updatedAt", root.get("updatedAt"));
        out.put("departmentId", rootId);
        out.put("hasChildren", !store.childNodeIds(rootId).isEmpty());
        out.put("leaderUserIds", List.of());
        out.put("membersCount", store.nodeMemberIds(rootId, true).size());
        out.put("isVirtualNode", false);
        return out;
    }
}
