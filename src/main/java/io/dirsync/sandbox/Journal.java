package io.dirsync.sandbox;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable storage for the sandbox: a snapshot file plus an append-only log of row changes, one
 * JSON object per line ({@code {"t":table,"k":key,"v":row}}, no {@code v} for a removal). Each
 * change is flushed to the operating system as it is written, so a crash loses at most the line
 * being written; a torn line is skipped on replay. {@link #compact} rewrites the snapshot
 * atomically (temp file, fsync, rename) and only then truncates the log, so a crash at any point
 * leaves a replayable store. Replaying a change twice is harmless because rows are absolute.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String SNAPSHOT = "snapshot.jsonl";
    static final String LOG_FILE = "journal.jsonl";

    /** Receives one replayed change; {@code row} is null for a removal. */
    interface Sink {
        void apply(String table, String key, Map<String, Object> row);
    }

    private final Path dir;
    private Writer writer;
    private long appended;

    private Journal(Path dir) {
        this.dir = dir;
    }

    static Journal inMemory() {
        return new Journal(null);
    }

    static Journal open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw Json.unchecked("cannot create sandbox data directory " + dir, e);
        }
        return new Journal(dir);
    }

    boolean persistent() {
        return dir != null;
    }

    Path dir() {
        return dir;
    }

    /** Replays the snapshot, then the log, into {@code sink}. */
    void replay(Sink sink) {
        if (dir == null) {
            return;
        }
        replayFile(dir.resolve(SNAPSHOT), sink);
        replayFile(dir.resolve(LOG_FILE), sink);
    }

    private static void replayFile(Path file, Sink sink) {
        if (!Files.exists(file)) {
            return;
        }
        try (java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int i = -1;
            while ((line = reader.readLine()) != null) {
                i++;
                replayLine(file, i, line, sink);
            }
        } catch (IOException e) {
            throw Json.unchecked("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void replayLine(Path file, int index, String line, Sink sink) {
        if (line.isBlank()) {
            return;
        }
        Map<String, Object> change;
        try {
            change = Json.object(line);
        } catch (IOException e) {
            LOG.warn("skipping unreadable line {} of {} (torn write?): {}", index + 1, file, e.getMessage());
            return;
        }
        Object table = change.get("t");
        Object key = change.get("k");
        if (!(table instanceof String) || !(key instanceof String)) {
            LOG.warn("skipping line {} of {}: no table or key", index + 1, file);
            return;
        }
        sink.apply((String) table, (String) key, (Map<String, Object>) change.get("v"));
    }

    /** Appends one change and flushes it; a no-op in memory. */
    synchronized void append(String table, String key, Map<String, Object> row) {
        if (dir == null) {
            return;
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("t", table);
        change.put("k", key);
        if (row != null) {
            change.put("v", row);
        }
        try {
            Writer w = writer();
            w.write(Json.compactText(change));
            w.write('\n');
            w.flush();
            appended++;
        } catch (IOException e) {
            throw Json.unchecked("cannot append to " + dir.resolve(LOG_FILE), e);
        }
    }

    /** Whether the log holds changes not yet in the snapshot. */
    synchronized boolean dirty() {
        if (dir == null) {
            return false;
        }
        try {
            return appended > 0 || (Files.exists(dir.resolve(LOG_FILE)) && Files.size(dir.resolve(LOG_FILE)) > 0)
                    || !Files.exists(dir.resolve(SNAPSHOT));
        } catch (IOException e) {
            return true;
        }
    }

    /** Writes every row of {@code tables} as the new snapshot, then empties the log. */
    synchronized void compact(Map<String, Map<String, Map<String, Object>>> tables) {
        if (dir == null) {
            return;
        }
        Path tmp = dir.resolve(SNAPSHOT + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 Writer w = new BufferedWriter(new OutputStreamWriter(
                         java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
                List<String> names = new ArrayList<>(tables.keySet());
                names.sort(null);
                for (String name : names) {
                    for (Map.Entry<String, Map<String, Object>> row : tables.get(name).entrySet()) {
                        Map<String, Object> change = new LinkedHashMap<>();
                        change.put("t", name);
                        change.put("k", row.getKey());
                        change.put("v", row.getValue());
                        w.write(Json.compactText(change));
                        w.write('\n');
                    }
                }
                w.flush();
                channel.force(true);
            }
            Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            closeWriter();
            writer = Files.newBufferedWriter(dir.resolve(LOG_FILE), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            appended = 0;
        } catch (IOException e) {
            throw Json.unchecked("cannot compact the sandbox store in " + dir, e);
        }
    }

    private Writer writer() throws IOException {
        if (writer == null) {
            writer = Files.newBufferedWriter(dir.resolve(LOG_FILE), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        return writer;
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            closeWriter();
        } catch (IOException e) {
            throw Json.unchecked("cannot close " + dir.resolve(LOG_FILE), e);
        }
    }
}
