package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Organisations and their department trees. Each org has exactly one root node; a node's
 * {@code path}, {@code codePath} and {@code namePath} run from the root to itself, and its
 * {@code children} are ids of nodes of the same org. Node codes are unique within an org.
 */
final class OrgStore {
    private final Database db;
    private final Table orgs;
    private final Table nodes;
    private final Map<String, List<String>> childIds = new ConcurrentHashMap<>();
    private final Map<String, String> byCode = new ConcurrentHashMap<>();
    private final List<Consumer<String>> nodeDeleteListeners = new CopyOnWriteArrayList<>();
    private final IdGenerator ids;
    private final Clock clock;

    OrgStore(Database db, IdGenerator ids, Clock clock) {
        this.db = db;
        this.orgs = db.table("orgs");
        this.nodes = db.table("nodes");
        this.ids = ids;
        this.clock = clock;
        List<Map<String, Object>> all = new ArrayList<>(nodes.values());
        all.sort(Comparator.comparing(n -> (String) n.get("id")));
        all.forEach(n -> {
            ids.observe((String) n.get("id"));
            link(n);
            indexCode(n);
        });
    }

    /** Called with each node id removed by deleteNode/deleteOrg, to drop its memberships. */
    void onNodeDelete(Consumer<String> listener) {
        nodeDeleteListeners.add(listener);
    }

    Map<String, Object> node(String id) {
        return id == null ? null : nodes.get(id);
    }

    Map<String, Object> requireNode(String id) {
        Map<String, Object> node = node(id);
        if (node == null) {
            throw ApiException.notFound("department (node) " + id + " does not exist");
        }
        return node;
    }

    Map<String, Object> org(String id) {
        return id == null ? null : orgs.get(id);
    }

    Map<String, Object> requireOrg(String id) {
        Map<String, Object> org = org(id);
        if (org == null) {
            throw ApiException.notFound("organisation " + id + " does not exist");
        }
        return org;
    }

    List<Map<String, Object>> allOrgs() {
        List<Map<String, Object>> list = new ArrayList<>(orgs.values());
        list.sort(Comparator.comparing(o -> (String) o.get("id")));
        return list;
    }

    Map<String, Object> createOrg(String name, String code, String description, String tenantId) {
        GroupStore.requireText("name", name);
        return db.write(() -> {
            String orgId = ids.next();
            String now = Times.now(clock);
            Map<String, Object> root = newNode(orgId, null, name, code, description, null, null, 0, now);
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("id", orgId);
            org.put("rootNodeId", root.get("id"));
            org.put("tenantId", tenantId);
            org.put("createdAt", now);
            org.put("updatedAt", now);
            orgs.put(orgId, org);
            indexCode(nodes.put((String) root.get("id"), root));
            return org;
        });
    }

    void deleteOrg(String orgId) {
        db.write(() -> {
            Map<String, Object> org = requireOrg(orgId);
            removeSubtree((String) org.get("rootNodeId"));
            orgs.remove(orgId);
        });
    }

    Map<String, Object> addNode(String orgId, String parentId, String name, String code, String description,
                                String nameI18n, String descriptionI18n, Integer order) {
        GroupStore.requireText("name", name);
        return db.write(() -> {
            Map<String, Object> org = requireOrg(orgId);
            String parent = parentId == null ? (String) org.get("rootNodeId") : parentId;
            if (!orgId.equals(requireNode(parent).get("orgId"))) {
                throw ApiException.invalid("parent node " + parent + " is not in organisation " + orgId);
            }
            requireFreeCode(orgId, code, null);
            Map<String, Object> node = newNode(orgId, parent, name, code, description, nameI18n, descriptionI18n,
                    order == null ? 0 : order, Times.now(clock));
            Map<String, Object> saved = nodes.put((String) node.get("id"), node);
            link(saved);
            indexCode(saved);
            return saved;
        });
    }

    Map<String, Object> updateNode(String id, String name, String code, String description) {
        return db.write(() -> {
            Map<String, Object> row = new LinkedHashMap<>(requireNode(id));
            if (code != null) {
                requireFreeCode((String) row.get("orgId"), code, id);
                unindexCode(row);
                row.put("code", code);
            }
            if (name != null) {
                row.put("name", name);
            }
            if (description != null) {
                row.put("description", description);
            }
            row.put("updatedAt", Times.now(clock));
            Map<String, Object> saved = nodes.put(id, row);
            indexCode(saved);
            return saved;
        });
    }

    /** Deletes the node and all its descendants (and their memberships); the root cannot go. */
    void deleteNode(String orgId, String nodeId) {
        db.write(() -> {
            Map<String, Object> node = nodeIn(orgId, nodeId);
            if (node.get("parentId") == null) {
                throw ApiException.invalid("node " + nodeId + " is the root of organisation " + orgId
                        + "; delete the organisation instead");
            }
            unlink(node);
            removeSubtree(nodeId);
        });
    }

    /** Moves a node under a new parent of the same org; never under itself or a descendant. */
    void moveNode(String orgId, String nodeId, String targetParentId) {
        db.write(() -> {
            Map<String, Object> node = nodeIn(orgId, nodeId);
            nodeIn(orgId, targetParentId);
            if (node.get("parentId") == null) {
                throw ApiException.invalid("the root node " + nodeId + " cannot be moved");
            }
            if (path(targetParentId).contains(nodeId)) {
                throw ApiException.invalid("node " + nodeId + " cannot be moved under itself or its descendant "
                        + targetParentId);
            }
            unlink(node);
            Map<String, Object> row = new LinkedHashMap<>(node);
            row.put("parentId", targetParentId);
            row.put("updatedAt", Times.now(clock));
            link(nodes.put(nodeId, row));
        });
    }

    Map<String, Object> nodeByCode(String orgId, String code) {
        String id = orgId == null || code == null ? null : byCode.get(orgId + "|" + code);
        return id == null ? null : nodes.get(id);
    }

    private void indexCode(Map<String, Object> node) {
        if (node.get("code") instanceof String code) {
            byCode.put(node.get("orgId") + "|" + code, (String) node.get("id"));
        }
    }

    private void unindexCode(Map<String, Object> node) {
        if (node.get("code") instanceof String code) {
            byCode.remove(node.get("orgId") + "|" + code, node.get("id"));
        }
    }

    String rootId(String orgId) {
        Map<String, Object> org = org(orgId);
        return org == null ? null : (String) org.get("rootNodeId");
    }

    List<String> children(String nodeId) {
        return List.copyOf(childIds.getOrDefault(nodeId, List.of()));
    }

    /** The node and all its descendants, depth first, parents before children. */
    List<String> subtree(String nodeId) {
        List<String> out = new ArrayList<>();
        if (nodeId == null || node(nodeId) == null) {
            return out;
        }
        List<String> stack = new ArrayList<>(List.of(nodeId));
        while (!stack.isEmpty()) {
            String id = stack.remove(stack.size() - 1);
            out.add(id);
            List<String> kids = new ArrayList<>(children(id));
            java.util.Collections.reverse(kids);
            stack.addAll(kids);
        }
        return out;
    }

    /** Node ids from the root down to and including this node. */
    List<String> path(String nodeId) {
        List<String> path = new ArrayList<>();
        String id = nodeId;
        while (id != null && path.size() < 10_000) {
            path.add(0, id);
            Map<String, Object> node = nodes.get(id);
            id = node == null ? null : (String) node.get("parentId");
        }
        return path;
    }

    List<Map<String, Object>> search(String keyword) {
        String k = keyword == null ? "" : keyword.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> node : nodes.values()) {
            if (contains(node.get("name"), k) || contains(node.get("code"), k)) {
                list.add(node);
            }
        }
        list.sort(Comparator.comparing(n -> (String) n.get("id")));
        return list;
    }

    private static boolean contains(Object value, String keyword) {
        return value instanceof String s && s.toLowerCase(Locale.ROOT).contains(keyword);
    }

    private Map<String, Object> nodeIn(String orgId, String nodeId) {
        requireOrg(orgId);
        Map<String, Object> node = requireNode(nodeId);
        if (!orgId.equals(node.get("orgId"))) {
            throw ApiException.invalid("node " + nodeId + " is not in organisation " + orgId);
        }
        return node;
    }

    private void requireFreeCode(String orgId, String code, String selfId) {
        if (code == null) {
            return;
        }
        Map<String, Object> other = nodeByCode(orgId, code);
        if (other != null && !other.get("id").equals(selfId)) {
            throw ApiException.exists("node code " + code + " is already used in organisation " + orgId);
        }
    }

    private Map<String, Object> newNode(String orgId, String parentId, String name, String code, String description,
                                        String nameI18n, String descriptionI18n, int order, String now) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", ids.next());
        node.put("orgId", orgId);
        node.put("parentId", parentId);
        node.put("name", name);
        node.put("nameI18n", nameI18n);
        node.put("description", description);
        node.put("descriptionI18n", descriptionI18n);
        node.put("order", order);
        node.put("code", code);
        node.put("createdAt", now);
        node.put("updatedAt", now);
        return node;
    }

    private void removeSubtree(String nodeId) {
        for (String id : subtree(nodeId)) {
            nodeDeleteListeners.forEach(l -> l.accept(id));
            Map<String, Object> node = nodes.get(id);
            if (node != null) {
                unindexCode(node);
            }
            childIds.remove(id);
            nodes.remove(id);
        }
    }

    private void link(Map<String, Object> node) {
        String parent = (String) node.get("parentId");
        if (parent == null) {
            return;
        }
        List<String> siblings = new ArrayList<>(childIds.getOrDefault(parent, List.of()));
        siblings.add((String) node.get("id"));
        // a larger order sorts earlier; ties keep creation order
        siblings.sort(Comparator.comparingInt((String id) -> -orderOf(id)).thenComparing(id -> id));
        childIds.put(parent, List.copyOf(siblings));
    }

    private int orderOf(String id) {
        Map<String, Object> node = nodes.get(id);
        return node != null && node.get("order") instanceof Number n ? n.intValue() : 0;
    }

    private void unlink(Map<String, Object> node) {
        String parent = (String) node.get("parentId");
        if (parent != null) {
            List<String> siblings = new ArrayList<>(childIds.getOrDefault(parent, List.of()));
            siblings.remove(node.get("id"));
            childIds.put(parent, List.copyOf(siblings));
        }
    }
}
