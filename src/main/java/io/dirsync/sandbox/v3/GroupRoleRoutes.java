package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.sandbox.PoolStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The v3 group, role, namespace and custom-field routes. */
final class GroupRoleRoutes {
    private static final int BATCH = UserRoutes.BATCH;
    private static final Set<String> DATA_TYPES = Set.of("STRING", "NUMBER", "DATETIME", "BOOLEAN");

    private final PoolStore store;
    private final Views views;

    GroupRoleRoutes(PoolStore store, Views views) {
        this.store = store;
        this.views = views;
    }

    void register(Routes r) {
        r.post("create-group", req -> Views.group(store.createGroup(req.required("code"), req.required("name"), req.text("description"))));
        r.post("create-groups-batch", req -> {
            List<JsonNode> items = req.objects("list", BATCH);
            return store.atomically(() -> {
                Set<String> seen = new HashSet<>();
                for (JsonNode item : items) {
                    String code = req.child(item).required("code");
                    req.child(item).required("name");
                    if (store.group(code) != null || !seen.add(code)) {
                        throw new V3Error(400, 2409, "group " + code + " already exists");
                    }
                }
                List<Object> out = new ArrayList<>();
                for (JsonNode item : items) {
                    V3Request g = req.child(item);
                    out.add(Views.group(store.createGroup(g.required("code"), g.required("name"), g.text("description"))));
                }
                return out;
            });
        });
        r.get("get-group", req -> {
            Map<String, Object> g = store.group(req.required("code"));
            if (g == null) {
                throw new V3Error(404, 2404, "group " + req.text("code") + " does not exist");
            }
            return Views.group(g);
        });
        r.get("list-groups", req -> {
            Map<String, Object> page = store.groupPage(req.integer("page", 1), req.limit(10));
            List<Object> list = new ArrayList<>();
            ((List<?>) page.get("list")).forEach(g -> list.add(Views.group(cast(g))));
            return Map.of("totalCount", page.get("totalCount"), "list", list);
        });
        r.post("delete-groups-batch", req -> {
            List<String> codes = req.strings("codeList", BATCH).stream().filter(c -> store.group(c) != null).toList();
            if (!codes.isEmpty()) {
                store.deleteGroups(codes);
            }
            return Routes.success();
        });
        r.post("add-group-members", req -> {
            store.addGroupMembers(requireGroup(req), req.strings("userIds", BATCH));
            return Routes.success();
        });
        r.post("remove-group-members", req -> {
            store.removeGroupMembers(requireGroup(req), req.strings("userIds", BATCH));
            return Routes.success();
        });
        r.get("list-group-members", req -> members(store.groupMemberIds(requireGroup(req)), req));
        r.post("create-namespace", req -> {
            Map<String, Object> ns = store.createNamespace(req.required("code"), req.text("name"), req.text("description"));
            return Map.of("code", ns.get("code"), "name", ns.get("name") == null ? ns.get("code") : ns.get("name"));
        });
        r.get("get-namespace", req -> {
            Map<String, Object> ns = store.namespace(req.required("code"));
            if (ns == null) {
                throw new V3Error(404, 2404, "namespace " + req.text("code") + " does not exist");
            }
            return Map.of("code", ns.get("code"), "name", ns.get("name") == null ? ns.get("code") : ns.get("name"));
        });
        r.post("create-role", req -> Views.role(store.createRole(req.text("namespace"), req.required("code"), req.text("description"))));
        r.post("create-roles-batch", req -> {
            List<JsonNode> items = req.objects("list", BATCH);
            store.atomically(() -> {
                for (JsonNode item : items) {
                    V3Request role = req.child(item);
                    if (store.role(role.required("code"), role.text("namespace")) != null) {
                        throw new V3Error(400, 2409, "role " + role.text("code") + " already exists");
                    }
                }
                items.forEach(item -> store.createRole(req.child(item).text("namespace"), req.child(item).text("code"),
                        req.child(item).text("description")));
                return null;
            });
            return Routes.success();
        });
        r.get("get-role", req -> Views.role(requireRole(req.required("code"), req.text("namespace"))));
        r.get("list-roles", req -> {
            String ns = req.text("namespace") == null ? "default" : req.text("namespace");
            Map<String, Object> page = store.rolePage(ns, req.integer("page", 1), req.limit(10));
            List<Object> list = new ArrayList<>();
            ((List<?>) page.get("list")).forEach(x -> list.add(Views.role(cast(x))));
            return Map.of("totalCount", page.get("totalCount"), "list", list);
        });
        r.post("delete-roles-batch", req -> {
            List<String> codes = req.strings("codeList", BATCH).stream().filter(c -> store.role(c, req.text("namespace")) != null).toList();
            if (!codes.isEmpty()) {
                store.deleteRoles(codes, req.text("namespace"));
            }
            return Routes.success();
        });
        r.post("assign-role", req -> grant(false, List.of(req.params()), req.objects("targets", BATCH), req));
        r.post("revoke-role", req -> grant(true, List.of(req.params()), req.objects("targets", BATCH), req));
        r.post("assign-role-batch", req -> grant(false, req.objects("roles", 10), req.objects("targets", 10), req));
        r.post("revoke-role-batch", req -> grant(true, req.objects("roles", 10), req.objects("targets", BATCH), req));
        r.get("list-role-members", req -> members(store.roleMemberIds((String) requireRole(req.required("code"),
                req.text("namespace")).get("id")), req));
        r.get("get-custom-fields", req -> fields(req.required("targetType")));
        r.post("set-custom-fields", req -> {
            List<JsonNode> items = req.objects("list", BATCH);
            for (JsonNode item : items) {
                V3Request f = req.child(item);
                String type = f.required("targetType");
                String key = f.required("key");
                String dataType = f.text("dataType") == null ? "STRING" : f.text("dataType");
                if (!DATA_TYPES.contains(dataType)) {
                    throw V3Error.invalid("dataType " + dataType + " is not supported by the sandbox: one of " + DATA_TYPES);
                }
                Map<String, Object> existing = fields(type).stream().filter(d -> key.equals(d.get("key"))).findFirst().orElse(null);
                if (existing != null && !dataType.equals(existing.get("dataType"))) {
                    throw V3Error.invalid("the dataType of custom field " + key + " cannot change");
                }
                store.defineField(type, key, dataType, f.text("label") == null ? key : f.text("label"));
            }
            return fields("USER");
        });
        r.post("set-custom-data", req -> {
            String type = req.required("targetType");
            if (!type.equals("USER")) {
                throw V3Error.invalid("the sandbox keeps custom data of users only");
            }
            String userId = req.required("targetIdentifier");
            if (store.user(userId) == null) {
                throw V3Error.notFound("user " + userId + " does not exist");
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            req.objects("list", BATCH).forEach(item -> values.put(item.path("key").asText(), Views.encode(item.get("value"))));
            store.setCustomData("USER", userId, values);
            return Routes.success();
        });
        r.get("get-custom-data", req -> views.customData(req.required("targetIdentifier")));
    }

    private List<Map<String, Object>> fields(String targetType) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> d : store.fieldDefinitions(targetType)) {
            Map<String, Object> f = new java.util.LinkedHashMap<>();
            f.put("targetType", targetType);
            f.put("dataType", d.get("dataType"));
            f.put("key", d.get("key"));
            f.put("label", d.get("label"));
            f.put("isUnique", false);
            f.put("userEditable", false);
            f.put("visibleInAdminConsole", true);
            f.put("visibleInUserCenter", false);
            out.add(f);
        }
        return out;
    }

    private Object grant(boolean revoke, List<JsonNode> roles, List<JsonNode> targets, V3Request req) {
        List<String> users = new ArrayList<>();
        for (JsonNode t : targets) {
            if (!"USER".equals(t.path("targetType").asText())) {
                throw V3Error.invalid("the sandbox grants roles to USER targets only, got " + t.path("targetType").asText());
            }
            users.add(t.path("targetIdentifier").asText());
        }
        store.atomically(() -> {
            for (JsonNode role : roles) {
                V3Request one = req.child(role);
                String ns = one.text("namespace");
                requireRole(one.required("code"), ns);
                store.grantRoles(revoke, ns, List.of(one.text("code")), users);
            }
            return null;
        });
        return Routes.success();
    }

    private Map<String, Object> members(Set<String> ids, V3Request req) {
        List<String> present = ids.stream().filter(id -> store.user(id) != null).toList();
        Map<String, Object> page = Views.page(present, req.integer("page", 1), req.limit(10));
        List<Object> users = new ArrayList<>();
        ((List<?>) page.get("list")).forEach(id -> users.add(views.user(store.user((String) id), req)));
        return Map.of("totalCount", page.get("totalCount"), "list", users);
    }

    private String requireGroup(V3Request req) {
        String code = req.required("code");
        if (store.group(code) == null) {
            throw new V3Error(404, 2404, "group " + code + " does not exist");
        }
        return code;
    }

    private Map<String, Object> requireRole(String code, String namespace) {
        Map<String, Object> role = store.role(code, namespace);
        if (role == null) {
            throw new V3Error(404, 2404, "role " + code + " does not exist in namespace " + (namespace == null ? "default" : namespace));
        }
        return role;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object row) {
        return (Map<String, Object>) row;
    }
}
