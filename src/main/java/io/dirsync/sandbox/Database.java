package io.dirsync.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * All sandbox tables plus their journal. Reads are lock-free; every change runs inside
 * {@link #write} so that a multi-row change and its index updates are never interleaved.
 */
final class Database implements AutoCloseable {
    private final Journal journal;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Journal journal) {
        this.journal = journal;
    }

    /** Opens the store in {@code dir} (replaying it and compacting the log), or in memory when null. */
    static Database open(Path dir) {
        Database db = new Database(dir == null ? Journal.inMemory() : Journal.open(dir));
        db.journal.replay((table, key, row) -> db.table(table).load(key, row));
        db.compact();
        return db;
    }

    Table table(String name) {
        return tables.computeIfAbsent(name, n -> new Table(n, journal));
    }

    <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    void write(Runnable change) {
        write(() -> {
            change.run();
            return null;
        });
    }

    Path dir() {
        return journal.dir();
    }

    /** Rewrites the snapshot and empties the log, when the log holds anything. */
    void compact() {
        write(() -> {
            if (!journal.dirty()) {
                return;
            }
            Map<String, Map<String, Map<String, Object>>> all = new TreeMap<>();
            tables.forEach((name, table) -> all.put(name, table.rows()));
            journal.compact(all);
        });
    }

    /** Empties every table and the files behind them. */
    void wipe() {
        write(() -> {
            tables.values().forEach(table -> table.rows().clear());
            journal.compact(Map.of());
        });
    }

    @Override
    public void close() {
        compact();
        journal.close();
    }
}
