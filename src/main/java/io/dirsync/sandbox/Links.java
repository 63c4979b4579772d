package io.dirsync.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A persisted many-to-many relation (group–user, role–user, node–user) with indexes both ways.
 * Rows are {@code {a, b, ...extra}}; sets are sorted, so user ids come out in creation order.
 * Callers hold the database write lock when changing links.
 */
final class Links {
    private static final NavigableSet<String> EMPTY = Collections.emptyNavigableSet();

    private final Table table;
    private final Map<String, NavigableSet<String>> byA = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<String>> byB = new ConcurrentHashMap<>();

    Links(Database db, String name) {
        this.table = db.table(name);
        for (Map<String, Object> row : table.values()) {
            index((String) row.get("a"), (String) row.get("b"));
        }
    }

    /** Adds the link; false (and nothing changes) when it already exists. */
    boolean add(String a, String b, Map<String, Object> extra) {
        if (table.get(key(a, b)) != null) {
            return false;
        }
        Map<String, Object> row = new LinkedHashMap<>(extra);
        row.put("a", a);
        row.put("b", b);
        table.put(key(a, b), row);
        index(a, b);
        return true;
    }

    void update(String a, String b, Map<String, Object> extra) {
        Map<String, Object> old = table.get(key(a, b));
        if (old != null) {
            Map<String, Object> row = new LinkedHashMap<>(old);
            row.putAll(extra);
            table.put(key(a, b), row);
        }
    }

    boolean remove(String a, String b) {
        if (table.get(key(a, b)) == null) {
            return false;
        }
        table.remove(key(a, b));
        Set<String> bs = byA.get(a);
        if (bs != null) {
            bs.remove(b);
        }
        Set<String> as = byB.get(b);
        if (as != null) {
            as.remove(a);
        }
        return true;
    }

    Map<String, Object> row(String a, String b) {
        return table.get(key(a, b));
    }

    Set<String> bs(String a) {
        return byA.getOrDefault(a, EMPTY);
    }

    Set<String> as(String b) {
        return byB.getOrDefault(b, EMPTY);
    }

    void removeA(String a) {
        for (String b : List.copyOf(bs(a))) {
            remove(a, b);
        }
        byA.remove(a);
    }

    void removeB(String b) {
        for (String a : List.copyOf(as(b))) {
            remove(a, b);
        }
        byB.remove(b);
    }

    /** Moves every link of {@code a} to {@code newA} (used when a keyed entity is renamed). */
    void renameA(String a, String newA) {
        for (String b : List.copyOf(bs(a))) {
            Map<String, Object> extra = new LinkedHashMap<>(row(a, b));
            remove(a, b);
            add(newA, b, extra);
        }
    }

    private void index(String a, String b) {
        byA.computeIfAbsent(a, k -> new ConcurrentSkipListSet<>()).add(b);
        byB.computeIfAbsent(b, k -> new ConcurrentSkipListSet<>()).add(a);
    }

    private static String key(String a, String b) {
        return a + "|" + b;
    }
}
