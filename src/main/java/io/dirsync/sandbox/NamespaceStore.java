package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resource namespaces (roles live in one); {@code default} always exists. */
final class NamespaceStore {
    static final String DEFAULT = "default";

    private final Database db;
    private final Table namespaces;
    private final String poolId;

    NamespaceStore(Database db, String poolId) {
        this.db = db;
        this.namespaces = db.table("namespaces");
        this.poolId = poolId;
        if (namespaces.get(DEFAULT) == null) {
            db.write(() -> create(DEFAULT, "默认权限分组", "default namespace"));
        }
    }

    Map<String, Object> get(String code) {
        return namespaces.get(code == null ? DEFAULT : code);
    }

    Map<String, Object> require(String code) {
        Map<String, Object> ns = get(code);
        if (ns == null) {
            throw ApiException.notFound("namespace " + code + " does not exist");
        }
        return ns;
    }

    Map<String, Object> create(String code, String name, String description) {
        GroupStore.requireText("code", code);
        return db.write(() -> {
            if (namespaces.get(code) != null) {
                throw ApiException.exists("namespace " + code + " already exists");
            }
            int id = namespaces.values().stream().mapToInt(n -> ((Number) n.get("id")).intValue()).max().orElse(0) + 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("userPoolId", poolId);
            row.put("name", name == null ? code : name);
            row.put("code", code);
            row.put("description", description);
            row.put("status", 1);
            row.put("appId", null);
            row.put("appName", null);
            return namespaces.put(code, row);
        });
    }

    Map<String, Object> update(String code, String newCode, String name, String description) {
        return db.write(() -> {
            Map<String, Object> row = new LinkedHashMap<>(require(code));
            if (name != null) {
                row.put("name", name);
            }
            if (description != null) {
                row.put("description", description);
            }
            if (newCode != null && !newCode.equals(code)) {
                throw ApiException.invalid("renaming namespace " + code + " is not supported by the sandbox");
            }
            return namespaces.put(code, row);
        });
    }

    void delete(String code) {
        db.write(() -> {
            require(code);
            if (DEFAULT.equals(code)) {
                throw ApiException.invalid("the default namespace cannot be deleted");
            }
            namespaces.remove(code);
        });
    }

    List<Map<String, Object>> all() {
        List<Map<String, Object>> list = new ArrayList<>(namespaces.values());
        list.sort(Comparator.comparingInt(n -> ((Number) n.get("id")).intValue()));
        return list;
    }
}
