package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** User groups keyed by code, and their members. */
final class GroupStore {
    private final Database db;
    private final Table groups;
    private final Links members;
    private final Map<String, String> byCode = new ConcurrentHashMap<>();
    private final IdGenerator ids;
    private final Clock clock;
    private final UserStore users;

    GroupStore(Database db, IdGenerator ids, Clock clock, UserStore users) {
        this.db = db;
        this.groups = db.table("groups");
        this.members = new Links(db, "groupMembers");
        this.ids = ids;
        this.clock = clock;
        this.users = users;
        groups.values().forEach(g -> byCode.put((String) g.get("code"), (String) g.get("id")));
        users.onDelete(members::removeB);
    }

    Map<String, Object> get(String code) {
        String id = code == null ? null : byCode.get(code);
        return id == null ? null : groups.get(id);
    }

    Map<String, Object> require(String code) {
        Map<String, Object> group = get(code);
        if (group == null) {
            throw ApiException.notFound("group " + code + " does not exist");
        }
        return group;
    }

    Map<String, Object> create(String code, String name, String description) {
        requireText("code", code);
        requireText("name", name);
        return db.write(() -> {
            if (byCode.containsKey(code)) {
                throw ApiException.exists("group " + code + " already exists");
            }
            String id = ids.next();
            String now = Times.now(clock);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("code", code);
            row.put("name", name);
            row.put("description", description);
            row.put("createdAt", now);
            row.put("updatedAt", now);
            byCode.put(code, id);
            return groups.put(id, row);
        });
    }

    Map<String, Object> update(String code, String name, String description, String newCode) {
        return db.write(() -> {
            Map<String, Object> row = new LinkedHashMap<>(require(code));
            if (newCode != null && !newCode.equals(code)) {
                if (byCode.containsKey(newCode)) {
                    throw ApiException.exists("group " + newCode + " already exists");
                }
                byCode.remove(code);
                byCode.put(newCode, (String) row.get("id"));
                row.put("code", newCode);
            }
            if (name != null) {
                row.put("name", name);
            }
            if (description != null) {
                row.put("description", description);
            }
            row.put("updatedAt", Times.now(clock));
            return groups.put((String) row.get("id"), row);
        });
    }

    Map<String, Object> page(Integer page, Integer limit, String sortBy) {
        List<Map<String, Object>> all = new ArrayList<>(groups.values());
        Comparator<Map<String, Object>> byId = Comparator.comparing(g -> (String) g.get("id"));
        all.sort("CREATEDAT_DESC".equals(sortBy) ? byId.reversed() : byId);
        return Paging.of(all, page, limit);
    }

    /** Deletes the groups; fails and deletes nothing when any code is unknown. */
    void delete(List<String> codes) {
        db.write(() -> {
            List<String> missing = codes.stream().filter(c -> get(c) == null).toList();
            if (!missing.isEmpty()) {
                throw ApiException.notFound("groups do not exist: " + String.join(", ", missing));
            }
            for (String code : codes) {
                String id = byCode.remove(code);
                if (id != null) {
                    members.removeA(id);
                    groups.remove(id);
                }
            }
        });
    }

    /** Adds members; an unknown user id fails the call and adds nobody; existing members stay. */
    void addUsers(String code, List<String> userIds) {
        db.write(() -> {
            String id = (String) require(code).get("id");
            requireUsers(userIds);
            String now = Times.now(clock);
            userIds.forEach(u -> members.add(id, u, Map.of("joinedAt", now)));
        });
    }

    void removeUsers(String code, List<String> userIds) {
        db.write(() -> {
            String id = (String) require(code).get("id");
            userIds.forEach(u -> members.remove(id, u));
        });
    }

    Set<String> memberIds(String code) {
        Map<String, Object> group = get(code);
        return group == null ? Set.of() : members.bs((String) group.get("id"));
    }

    List<Map<String, Object>> groupsOf(String userId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : members.as(userId)) {
            Map<String, Object> group = groups.get(id);
            if (group != null) {
                list.add(group);
            }
        }
        return list;
    }

    void requireUsers(List<String> userIds) {
        List<String> missing = userIds.stream().filter(u -> users.get(u) == null).distinct().toList();
        if (!missing.isEmpty()) {
            throw new ApiException(ApiException.NOT_FOUND, "users do not exist: " + String.join(", ", missing));
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field + " must not be empty");
        }
    }
}
