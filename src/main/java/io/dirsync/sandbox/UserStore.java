package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The pool's users, with in-memory indexes by id, username, lower-case email, phone and
 * externalId, and an order index (ids sort in creation order). Deleted users move to the
 * archive. Listeners registered with {@link #onDelete} drop a deleted user's memberships.
 */
final class UserStore {
    private static final List<String> UNIQUE = List.of("username", "email", "phone", "externalId");

    private final Database db;
    private final Table users;
    private final Table archived;
    private final IdGenerator ids;
    private final Clock clock;
    private final Passwords passwords;
    private final String poolId;
    private final Map<String, Map<String, String>> indexes = new ConcurrentHashMap<>();
    private final NavigableSet<String> order = new ConcurrentSkipListSet<>();
    private final List<Consumer<String>> deleteListeners = new CopyOnWriteArrayList<>();

    UserStore(Database db, IdGenerator ids, Clock clock, Passwords passwords, String poolId) {
        this.db = db;
        this.users = db.table("users");
        this.archived = db.table("archivedUsers");
        this.ids = ids;
        this.clock = clock;
        this.passwords = passwords;
        this.poolId = poolId;
        UNIQUE.forEach(field -> indexes.put(field, new ConcurrentHashMap<>()));
        for (Map<String, Object> row : users.values()) {
            index(row);
            ids.observe((String) row.get("id"));
        }
        archived.values().forEach(row -> ids.observe((String) row.get("id")));
    }

    void onDelete(Consumer<String> listener) {
        deleteListeners.add(listener);
    }

    Map<String, Object> get(String id) {
        return id == null ? null : users.get(id);
    }

    /** The user, or a 2004 error naming the id. */
    Map<String, Object> require(String id) {
        Map<String, Object> user = get(id);
        if (user == null) {
            throw new ApiException(ApiException.NOT_FOUND, "user " + id + " does not exist");
        }
        return user;
    }

    int count() {
        return users.size();
    }

    /** Looks a user up by one identifier: id, username, email (any case), phone or externalId. */
    Map<String, Object> findBy(String field, String value) {
        if (value == null) {
            return null;
        }
        if (field.equals("id")) {
            return get(value);
        }
        Map<String, String> index = indexes.get(field);
        if (index == null) {
            throw ApiException.invalid("cannot look users up by " + field
                    + "; use id, username, email, phone or externalId");
        }
        return get(index.get(field.equals("email") ? value.toLowerCase(Locale.ROOT) : value));
    }

    /** The user matching every given criterion (null criteria are ignored); null when none matches. */
    Map<String, Object> find(Map<String, String> criteria) {
        Map<String, Object> found = null;
        for (Map.Entry<String, String> c : criteria.entrySet()) {
            if (c.getValue() == null) {
                continue;
            }
            Map<String, Object> user = findBy(c.getKey(), c.getValue());
            if (user == null || (found != null && found != user)) {
                return null;
            }
            found = user;
        }
        return found;
    }

    /** Whether any given criterion names an existing user. */
    boolean exists(Map<String, String> criteria) {
        return criteria.entrySet().stream()
                .anyMatch(c -> c.getValue() != null && findBy(c.getKey(), c.getValue()) != null);
    }

    Map<String, Object> create(Map<String, Object> rawInput, boolean keepPassword) {
        Map<String, Object> input = UserRecords.normalise(rawInput);
        if (UNIQUE.stream().allMatch(f -> input.get(f) == null)) {
            throw new ApiException(ApiException.NEED_IDENTIFIER,
                    "a user needs at least one of username, email, phone or externalId");
        }
        if (input.get("password") instanceof String pw) {
            input.put("password", passwords.stored(pw, keepPassword));
        }
        return db.write(() -> {
            checkUnique(input, null);
            String id = ids.next();
            Map<String, Object> row = users.put(id, UserRecords.newUser(id, poolId, Times.now(clock), input));
            index(row);
            return row;
        });
    }

    Map<String, Object> update(String id, Map<String, Object> rawInput) {
        Map<String, Object> input = UserRecords.normalise(rawInput);
        if (input.get("password") instanceof String pw) {
            input.put("password", passwords.stored(pw, false));
        }
        return db.write(() -> {
            Map<String, Object> old = require(id);
            checkUnique(input, id);
            Map<String, Object> row = new LinkedHashMap<>(old);
            row.putAll(input);
            row.put("updatedAt", Times.now(clock));
            unindexKeys(old);
            Map<String, Object> saved = users.put(id, row);
            indexKeys(saved);
            return saved;
        });
    }

    /** Sets server-owned fields (login counters, main department) without input checks. */
    Map<String, Object> patch(String id, Map<String, Object> fields) {
        return db.write(() -> {
            Map<String, Object> old = get(id);
            if (old == null) {
                return null;
            }
            Map<String, Object> row = new LinkedHashMap<>(old);
            row.putAll(fields);
            return users.put(id, row);
        });
    }

    /** Archives the users; fails with 2004 and changes nothing when any id is unknown. */
    void archive(List<String> userIds) {
        db.write(() -> {
            List<String> missing = userIds.stream().filter(id -> get(id) == null).distinct().toList();
            if (!missing.isEmpty()) {
                throw new ApiException(ApiException.NOT_FOUND, "users do not exist: " + String.join(", ", missing)
                        + "; nothing was deleted");
            }
            for (String id : new java.util.LinkedHashSet<>(userIds)) {
                Map<String, Object> row = new LinkedHashMap<>(get(id));
                unindex(row);
                users.remove(id);
                row.put("status", "Archived");
                row.put("isDeleted", true);
                row.put("updatedAt", Times.now(clock));
                archived.put(id, row);
                deleteListeners.forEach(l -> l.accept(id));
            }
        });
    }

    Map<String, Object> archivedPage(Integer page, Integer limit) {
        List<Map<String, Object>> all = new ArrayList<>(archived.values());
        all.sort(Comparator.comparing(u -> (String) u.get("id")));
        return Paging.of(all, page, limit);
    }

    /** A page of users in the given order, optionally only those {@code include} accepts. */
    Map<String, Object> page(Integer page, Integer limit, String sortBy, Predicate<Map<String, Object>> include) {
        if (sortBy != null && sortBy.startsWith("UPDATEDAT")) {
            List<Map<String, Object>> all = new ArrayList<>(users.values());
            all.removeIf(include.negate());
            Comparator<Map<String, Object>> byUpdate = Comparator.comparing(u -> (String) u.get("updatedAt"));
            all.sort(sortBy.endsWith("DESC") ? byUpdate.reversed() : byUpdate);
            return Paging.of(all, page, limit);
        }
        Iterable<String> ordered = "CREATEDAT_DESC".equals(sortBy) ? order.descendingSet() : order;
        long skip = Paging.offset(page, limit);
        int take = Paging.limit(limit);
        int total = 0;
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : ordered) {
            Map<String, Object> user = users.get(id);
            if (user == null || !include.test(user)) {
                continue;
            }
            if (total >= skip && list.size() < take) {
                list.add(user);
            }
            total++;
        }
        return Paging.result(total, list);
    }

    /** Users in creation order whose ids {@code include} accepts (for membership listings). */
    List<Map<String, Object>> byIds(Iterable<String> userIds) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : userIds) {
            Map<String, Object> user = users.get(id);
            if (user != null) {
                list.add(user);
            }
        }
        return list;
    }

    private void checkUnique(Map<String, Object> input, String selfId) {
        for (String field : UNIQUE) {
            if (input.get(field) instanceof String value) {
                String owner = indexes.get(field).get(value);
                if (owner != null && !Objects.equals(owner, selfId)) {
                    throw duplicate(field, value);
                }
            }
        }
    }

    private static ApiException duplicate(String field, String value) {
        return switch (field) {
            case "username" -> new ApiException(ApiException.USERNAME_EXISTS, "username " + value + " already exists");
            case "phone" -> new ApiException(ApiException.PHONE_EXISTS, "phone " + value + " is already bound to a user");
            default -> new ApiException(ApiException.USER_EXISTS, "a user with " + field + " " + value + " already exists");
        };
    }

    private void index(Map<String, Object> row) {
        indexKeys(row);
        order.add((String) row.get("id"));
    }

    private void unindex(Map<String, Object> row) {
        unindexKeys(row);
        order.remove((String) row.get("id"));
    }

    private void indexKeys(Map<String, Object> row) {
        String id = (String) row.get("id");
        for (String field : UNIQUE) {
            if (row.get(field) instanceof String value) {
                indexes.get(field).put(value, id);
            }
        }
    }

    private void unindexKeys(Map<String, Object> row) {
        String id = (String) row.get("id");
        for (String field : UNIQUE) {
            if (row.get(field) instanceof String value) {
                indexes.get(field).remove(value, id);
            }
        }
    }
}
