package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the wire shapes of nodes and orgs (paths, children, root flag) from stored rows. */
final class OrgViews {
    private final OrgStore orgs;

    OrgViews(OrgStore orgs) {
        this.orgs = orgs;
    }

    Map<String, Object> node(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        String id = (String) row.get("id");
        List<String> path = orgs.path(id);
        List<String> codePath = new ArrayList<>();
        List<String> namePath = new ArrayList<>();
        for (String step : path) {
            Map<String, Object> node = orgs.node(step);
            codePath.add(node == null ? null : (String) node.get("code"));
            namePath.add(node == null ? "" : (String) node.get("name"));
        }
        Map<String, Object> view = new LinkedHashMap<>(row);
        view.remove("parentId");
        view.put("root", row.get("parentId") == null);
        view.put("depth", path.size() - 1);
        view.put("path", path);
        view.put("codePath", codePath);
        view.put("namePath", namePath);
        view.put("children", orgs.children(id));
        view.put("isVirtualNode", false);
        return view;
    }

    Map<String, Object> node(String id) {
        return node(orgs.node(id));
    }

    List<Map<String, Object>> nodes(List<String> ids) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> view = node(id);
            if (view != null) {
                list.add(view);
            }
        }
        return list;
    }

    Map<String, Object> org(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        String rootId = (String) row.get("rootNodeId");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.get("id"));
        view.put("rootNode", node(rootId));
        view.put("nodes", nodes(orgs.subtree(rootId)));
        view.put("tenantId", row.get("tenantId"));
        return view;
    }

    /** The REST shape of one membership path: the org, then each node from the root down. */
    List<Map<String, Object>> restPath(String nodeId, String poolId) {
        Map<String, Object> node = orgs.node(nodeId);
        Map<String, Object> org = node == null ? null : orgs.org((String) node.get("orgId"));
        if (org == null) {
            return null;
        }
        List<Map<String, Object>> path = new ArrayList<>();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "org");
        o.put("id", org.get("id"));
        o.put("createdAt", org.get("createdAt"));
        o.put("updatedAt", org.get("updatedAt"));
        o.put("userPoolId", poolId);
        o.put("rootNodeId", org.get("rootNodeId"));
        o.put("logo", null);
        path.add(o);
        for (String step : orgs.path(nodeId)) {
            Map<String, Object> n = orgs.node(step);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "node");
            item.put("id", step);
            item.put("createdAt", n.get("createdAt"));
            item.put("updatedAt", n.get("updatedAt"));
            item.put("userPoolId", poolId);
            item.put("orgId", n.get("orgId"));
            item.put("name", n.get("name"));
            item.put("nameI18n", n.get("nameI18n"));
            item.put("description", n.get("description"));
            item.put("descriptionI18n", n.get("descriptionI18n"));
            item.put("code", n.get("code"));
            item.put("leaderUserId", null);
            path.add(item);
        }
        return path;
    }
}
