package io.dirsync.sandbox;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One named collection of rows keyed by string, held in memory and journalled on every change.
 * Rows are immutable maps: readers never see a half-written row, writers replace whole rows.
 * Writers must hold the {@link Database} write lock so that index updates stay consistent.
 */
final class Table {
    private final String name;
    private final Journal journal;
    private final Map<String, Map<String, Object>> rows = new ConcurrentHashMap<>();

    Table(String name, Journal journal) {
        this.name = name;
        this.journal = journal;
    }

    Map<String, Object> get(String key) {
        return rows.get(key);
    }

    Collection<Map<String, Object>> values() {
        return rows.values();
    }

    int size() {
        return rows.size();
    }

    Map<String, Object> put(String key, Map<String, Object> row) {
        Map<String, Object> frozen = freeze(row);
        journal.append(name, key, frozen); // first: a failed write must not leave memory ahead of disk
        rows.put(key, frozen);
        return frozen;
    }

    void remove(String key) {
        if (rows.containsKey(key)) {
            journal.append(name, key, null);
            rows.remove(key);
        }
    }

    void clear() {
        for (String key : rows.keySet().toArray(new String[0])) {
            remove(key);
        }
    }

    /** Loads a replayed row without journalling it again. */
    void load(String key, Map<String, Object> row) {
        if (row == null) {
            rows.remove(key);
        } else {
            rows.put(key, freeze(row));
        }
    }

    Map<String, Map<String, Object>> rows() {
        return rows;
    }

    /** An immutable copy without null values (absent and null mean the same; it saves memory). */
    static Map<String, Object> freeze(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
