package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Policies (unique by namespace + code) and their assignments to users, roles, groups and nodes. */
final class PolicyStore {
    private final Database db;
    private final Table policies;
    private final Table assignments;
    private final Clock clock;

    PolicyStore(Database db, Clock clock) {
        this.db = db;
        this.policies = db.table("policies");
        this.assignments = db.table("policyAssignments");
        this.clock = clock;
    }

    Map<String, Object> get(String code, String namespace) {
        Map<String, Object> row = policies.get(RoleStore.ns(namespace) + "|" + code);
        return row == null ? null : view(row);
    }

    Map<String, Object> create(String namespace, String code, String description, List<Object> statements) {
        GroupStore.requireText("code", code);
        String ns = RoleStore.ns(namespace);
        return db.write(() -> {
            if (policies.get(ns + "|" + code) != null) {
                throw ApiException.exists("policy " + code + " already exists in namespace " + ns);
            }
            String now = Times.now(clock);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("namespace", ns);
            row.put("code", code);
            row.put("isDefault", false);
            row.put("description", description);
            row.put("statements", statements == null ? List.of() : statements);
            row.put("createdAt", now);
            row.put("updatedAt", now);
            return view(policies.put(ns + "|" + code, row));
        });
    }

    Map<String, Object> update(String namespace, String code, String description, List<Object> statements,
                               String newCode) {
        String ns = RoleStore.ns(namespace);
        return db.write(() -> {
            Map<String, Object> old = require(code, ns);
            Map<String, Object> row = new LinkedHashMap<>(old);
            if (description != null) {
                row.put("description", description);
            }
            if (statements != null) {
                row.put("statements", statements);
            }
            row.put("updatedAt", Times.now(clock));
            if (newCode != null && !newCode.equals(code)) {
                if (policies.get(ns + "|" + newCode) != null) {
                    throw ApiException.exists("policy " + newCode + " already exists in namespace " + ns);
                }
                policies.remove(ns + "|" + code);
                row.put("code", newCode);
            }
            return view(policies.put(ns + "|" + row.get("code"), row));
        });
    }

    void delete(List<String> codes, String namespace) {
        String ns = RoleStore.ns(namespace);
        db.write(() -> {
            codes.forEach(c -> require(c, ns));
            for (String code : codes) {
                policies.remove(ns + "|" + code);
                for (Map<String, Object> a : matching(ns, code, null, null)) {
                    assignments.remove(key(a));
                }
            }
        });
    }

    Map<String, Object> page(Integer page, Integer limit, String namespace) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> row : policies.values()) {
            if (namespace == null || namespace.equals(row.get("namespace"))) {
                all.add(view(row));
            }
        }
        all.sort(Comparator.comparing(p -> (String) p.get("createdAt") + p.get("code")));
        return Paging.of(all, page, limit);
    }

    Map<String, Object> assignmentPage(String namespace, String code, String targetType, String target,
                                       Integer page, Integer limit) {
        return Paging.of(matching(namespace, code, targetType, target), page, limit);
    }

    /** Assigns (or unassigns) policies to targets; unknown policies fail the call. */
    void assign(boolean remove, List<String> codes, String targetType, List<String> targets,
                Boolean inheritByChildren, String namespace) {
        String ns = RoleStore.ns(namespace);
        db.write(() -> {
            codes.forEach(c -> require(c, ns));
            for (String code : codes) {
                for (String target : targets) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", code);
                    row.put("namespace", ns);
                    row.put("targetType", targetType);
                    row.put("targetIdentifier", target);
                    row.put("inheritByChildren", Boolean.TRUE.equals(inheritByChildren));
                    row.put("enabled", true);
                    if (remove) {
                        assignments.remove(key(row));
                    } else if (assignments.get(key(row)) == null) {
                        assignments.put(key(row), row);
                    }
                }
            }
        });
    }

    void enable(String code, String targetType, String target, String namespace, boolean enabled) {
        String ns = RoleStore.ns(namespace);
        db.write(() -> {
            String key = ns + "|" + code + "|" + targetType + "|" + target;
            Map<String, Object> row = assignments.get(key);
            if (row == null) {
                throw ApiException.notFound("policy " + code + " is not assigned to " + targetType + " " + target);
            }
            Map<String, Object> changed = new LinkedHashMap<>(row);
            changed.put("enabled", enabled);
            assignments.put(key, changed);
        });
    }

    private List<Map<String, Object>> matching(String namespace, String code, String targetType, String target) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> a : assignments.values()) {
            if ((namespace == null || namespace.equals(a.get("namespace")))
                    && (code == null || code.equals(a.get("code")))
                    && (targetType == null || targetType.equals(a.get("targetType")))
                    && (target == null || target.equals(a.get("targetIdentifier")))) {
                list.add(a);
            }
        }
        list.sort(Comparator.comparing(PolicyStore::key));
        return list;
    }

    private Map<String, Object> require(String code, String ns) {
        Map<String, Object> row = policies.get(ns + "|" + code);
        if (row == null) {
            throw ApiException.notFound("policy " + code + " does not exist in namespace " + ns);
        }
        return row;
    }

    private Map<String, Object> view(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>(row);
        view.put("assignmentsCount", (int) assignments.values().stream()
                .filter(a -> Objects.equals(a.get("code"), row.get("code"))
                        && Objects.equals(a.get("namespace"), row.get("namespace"))).count());
        return view;
    }

    private static String key(Map<String, Object> a) {
        return a.get("namespace") + "|" + a.get("code") + "|" + a.get("targetType") + "|" + a.get("targetIdentifier");
    }
}
