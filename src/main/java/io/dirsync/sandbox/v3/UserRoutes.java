package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.sandbox.PoolStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The v3 user routes over the shared store. Batch calls check every item before changing anything. */
final class UserRoutes {
    static final int BATCH = 50;

    private final PoolStore store;
    private final Views views;
    private final Departments departments;

    UserRoutes(PoolStore store, Views views, Departments departments) {
        this.store = store;
        this.views = views;
        this.departments = departments;
    }

    void register(Routes r) {
        r.post("create-user", req -> views.user(store.atomically(() -> create(req, req.child(req.params().path("options")), 0, new HashSet<>())), withAll(req)));
        r.post("create-users-batch", req -> {
            List<JsonNode> items = req.objects("list", BATCH);
            V3Request options = req.child(req.params().path("options"));
            List<Map<String, Object>> created = store.atomically(() -> {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < items.size(); i++) {
                    check(req.child(items.get(i)), options, i, seen);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (JsonNode item : items) {
                    rows.add(create(req.child(item), options, -1, null));
                }
                return rows;
            });
            return created.stream().map(row -> views.user(row, withAll(req))).toList();
        });
        r.post("update-user", req -> views.user(store.atomically(() -> update(req, resolve(req.required("userId"),
                req.option("userIdType")))), withAll(req)));
        r.post("update-user-batch", req -> {
            List<JsonNode> items = req.objects("list", BATCH);
            List<Map<String, Object>> rows = store.atomically(() -> {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < items.size(); i++) {
                    checkUpdate(req.child(items.get(i)), i, seen);
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (JsonNode item : items) {
                    V3Request one = req.child(item);
                    out.add(update(one, resolve(one.required("userId"), "user_id")));
                }
                return out;
            });
            return rows.stream().map(row -> views.user(row, withAll(req))).toList();
        });
        r.post("delete-users-batch", req -> {
            String type = req.option("userIdType");
            List<String> ids = new ArrayList<>();
            for (String id : req.strings("userIds", BATCH)) {
                Map<String, Object> user = find(id, type);
                if (user != null) {
                    ids.add((String) user.get("id"));
                }
            }
            if (!ids.isEmpty()) {
                store.deleteUsers(ids);
            }
            return Routes.success();
        });
        r.get("get-user", req -> views.user(resolve(req.required("userId"), req.text("userIdType")), req));
        r.get("get-user-batch", req -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : req.strings("userIds", BATCH)) {
                Map<String, Object> user = find(id, req.text("userIdType"));
                if (user != null) {
                    out.add(views.user(user, req));
                }
            }
            return out;
        });
        r.post("list-users", req -> {
            JsonNode pagination = req.params().path("options").path("pagination");
            V3Request paging = req.child(pagination.isObject() ? pagination : Views.JSON.createObjectNode());
            int limit = paging.limit(10);
            Map<String, Object> page = store.userPage(paging.integer("page", 1), limit);
            List<Object> list = new ArrayList<>();
            for (Object row : (List<?>) page.get("list")) {
                list.add(views.user(cast(row), req));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("totalCount", page.get("totalCount"));
            out.put("list", list);
            return out;
        });
        r.post("is-user-exists", req -> {
            boolean exists = false;
            for (String field : List.of("username", "email", "phone", "externalId")) {
                exists |= req.text(field) != null && store.findUser(field, req.text(field)) != null;
            }
            return Map.of("exists", exists);
        });
        r.get("get-user-groups", req -> {
            String id = (String) resolve(req.required("userId"), req.text("userIdType")).get("id");
            List<Object> list = store.groupsOfUser(id).stream().map(g -> (Object) Views.group(g)).toList();
            return Views.page(list, 1, Math.max(1, list.size()));
        });
        r.get("get-user-roles", req -> {
            String id = (String) resolve(req.required("userId"), req.text("userIdType")).get("id");
            String ns = req.text("namespace") == null ? "default" : req.text("namespace");
            List<Object> list = store.rolesOfUser(id, ns).stream().map(x -> (Object) Views.role(x)).toList();
            return Views.page(list, 1, Math.max(1, list.size()));
        });
        r.get("get-user-departments", req -> {
            String id = (String) resolve(req.required("userId"), req.text("userIdType")).get("id");
            return Views.page(departments.ofUser(id), req.integer("page", 1), req.limit(10));
        });
        r.post("set-user-departments", req -> {
            String id = (String) resolve(req.required("userId"), req.option("userIdType")).get("id");
            departments.setOfUser(id, req.objects("departments", BATCH));
            return Routes.success();
        });
        r.post("kick-users", req -> {
            resolve(req.required("userId"), req.option("userIdType"));
            req.strings("appIds", BATCH);
            return Routes.success();
        });
    }

    private static V3Request withAll(V3Request req) {
        return req.child(Views.JSON.createObjectNode().put("withCustomData", true).put("withDepartmentIds", true));
    }

    /** Refuses the item (naming its index in a batch) when it is not a valid new user. */
    private void check(V3Request item, V3Request options, int index, Set<String> seen) {
        String where = index < 0 ? "" : "list[" + index + "]: ";
        Iterator<String> names = item.params().fieldNames();
        boolean identified = false;
        while (names.hasNext()) {
            String key = names.next();
            if (!Views.WRITABLE.contains(key) && !Set.of("status", "salt", "departmentIds", "customData", "options",
                    "tenantIds", "otp", "identities", "metadataSource", "identityNumber").contains(key)) {
                throw V3Error.invalid(where + key + " is not a field of CreateUserReqDto");
            }
        }
        for (String field : List.of("username", "email", "phone", "externalId")) {
            String value = item.text(field);
            if (value == null || value.isEmpty()) {
                continue;
            }
            identified |= !field.equals("externalId");
            String key = field + ":" + (field.equals("email") ? value.toLowerCase(java.util.Locale.ROOT) : value);
            if (store.findUser(field, value) != null || (seen != null && !seen.add(key))) {
                throw new V3Error(400, 2026, where + "a user with " + field + " " + value + " already exists");
            }
        }
        if (!identified) {
            throw V3Error.invalid(where + "one of email, phone and username is required");
        }
        departments.resolveAll(item.strings("departmentIds", BATCH), options.text("departmentIdType"));
        JsonNode custom = item.params().path("customData");
        custom.fieldNames().forEachRemaining(key -> {
            if (store.fieldDefinitions("USER").stream().noneMatch(d -> key.equals(d.get("key")))) {
                throw V3Error.invalid(where + "custom field " + key + " is not defined for USER; define it with set-custom-fields first");
            }
        });
    }

    /**
     * Refuses an item of update-user-batch (naming its index) before anything in the batch changes:
     * an unknown user (by Authing id, the batch has no userIdType), a field UpdateUserInfoDto does
     * not have, a bad status, a username, email, phone or externalId another user holds (or two
     * items set), an undefined custom field.
     */
    private void checkUpdate(V3Request item, int index, Set<String> seen) {
        String where = "list[" + index + "]: ";
        String userId = item.required("userId");
        Map<String, Object> user = find(userId, "user_id");
        if (user == null) {
            throw V3Error.notFound(where + "user " + userId + " (user_id) does not exist");
        }
        if (!seen.add("userId:" + userId)) {
            throw V3Error.invalid(where + "user " + userId + " is in the list twice");
        }
        Iterator<String> names = item.params().fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!Views.WRITABLE.contains(key) && !Set.of("userId", "status", "customData", "metadata", "identityNumber").contains(key)) {
                throw V3Error.invalid(where + key + " is not a field of UpdateUserInfoDto");
            }
        }
        String status = item.text("status");
        if (status != null && !Set.of("Activated", "Suspended", "Deactivated", "Resigned", "Archived").contains(status)) {
            throw V3Error.invalid(where + "status must be Activated, Suspended, Deactivated, Resigned or Archived, got " + status);
        }
        for (String field : List.of("username", "email", "phone", "externalId")) {
            String value = item.text(field);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Map<String, Object> holder = store.findUser(field, value);
            String key = field + ":" + (field.equals("email") ? value.toLowerCase(java.util.Locale.ROOT) : value);
            if ((holder != null && !userId.equals(holder.get("id"))) || !seen.add(key)) {
                throw new V3Error(400, 2026, where + "a user with " + field + " " + value + " already exists");
            }
        }
        item.params().path("customData").fieldNames().forEachRemaining(key -> {
            if (store.fieldDefinitions("USER").stream().noneMatch(d -> key.equals(d.get("key")))) {
                throw V3Error.invalid(where + "custom field " + key + " is not defined for USER; define it with set-custom-fields first");
            }
        });
    }

    /** Creates one user; {@code index} ≥ 0 checks it first (single create). */
    private Map<String, Object> create(V3Request item, V3Request options, int index, Set<String> seen) {
        if (index >= 0) {
            check(item, options, -1, seen);
        }
        V3Request opts = options;
        Map<String, Object> input = new LinkedHashMap<>();
        item.params().fields().forEachRemaining(e -> {
            if (Views.WRITABLE.contains(e.getKey()) && !e.getValue().isNull()) {
                input.put(e.getKey(), e.getValue().isBoolean() ? (Object) e.getValue().booleanValue() : e.getValue().asText());
            }
        });
        Map<String, Object> row = store.createUser(input, opts.bool("keepPassword"));
        String id = (String) row.get("id");
        applyStatus(id, item.text("status"));
        setCustomData(id, item.params().path("customData"));
        List<String> nodes = departments.resolveAll(item.strings("departmentIds", BATCH), opts.text("departmentIdType"));
        for (String node : nodes) {
            store.addNodeMembers(node, List.of(id));
        }
        if (!nodes.isEmpty()) {
            store.setMainDepartment(id, nodes.get(0));
        }
        return store.user(id);
    }

    private Map<String, Object> update(V3Request item, Map<String, Object> user) {
        String id = (String) user.get("id");
        Map<String, Object> input = new LinkedHashMap<>();
        item.params().fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (Views.WRITABLE.contains(key)) {
                JsonNode v = e.getValue();
                input.put(key, v.isNull() ? null : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
            } else if (!Set.of("userId", "status", "customData", "options", "metadata", "identityNumber").contains(key)) {
                throw V3Error.invalid(key + " is not a field of UpdateUserReqDto");
            }
        });
        if (!input.isEmpty()) {
            store.updateUser(id, input);
        }
        if (item.params().has("status")) {
            applyStatus(id, item.params().get("status").isNull() ? "Activated" : item.text("status"));
        }
        setCustomData(id, item.params().path("customData"));
        return store.user(id);
    }

    private void applyStatus(String userId, String status) {
        if (status == null) {
            return;
        }
        if (!Set.of("Activated", "Suspended", "Deactivated", "Resigned", "Archived").contains(status)) {
            throw V3Error.invalid("status must be Activated, Suspended, Deactivated, Resigned or Archived, got " + status);
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("status", status);
        patch.put("blocked", !status.equals("Activated"));
        store.patchUser(userId, patch);
    }

    private void setCustomData(String userId, JsonNode custom) {
        if (!custom.isObject() || custom.isEmpty()) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        custom.fields().forEachRemaining(e -> values.put(e.getKey(), Views.encode(e.getValue())));
        store.setCustomData("USER", userId, values);
    }

    Map<String, Object> resolve(String id, String type) {
        Map<String, Object> user = find(id, type);
        if (user == null) {
            throw V3Error.notFound("user " + id + " (" + (type == null ? "user_id" : type) + ") does not exist");
        }
        return user;
    }

    Map<String, Object> find(String id, String type) {
        String field = switch (type == null ? "user_id" : type) {
            case "user_id" -> "id";
            case "external_id" -> "externalId";
            case "email" -> "email";
            case "phone" -> "phone";
            case "username" -> "username";
            default -> throw V3Error.invalid("userIdType " + type + " is not supported by the sandbox; use user_id, "
                    + "external_id, email, phone or username");
        };
        return store.findUser(field, id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object row) {
        return (Map<String, Object>) row;
    }
}
