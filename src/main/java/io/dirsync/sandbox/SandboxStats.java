package io.dirsync.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * Calls the sandbox has answered since start (or the last reset), by operation name: the GraphQL
 * root field (e.g. {@code createUser}) or the REST route (e.g. {@code POST /api/v2/users/batch}).
 * Calls to {@code /sandbox/*} are not counted.
 *
 * @param calls count per operation name, sorted by name
 */
public record SandboxStats(Map<String, Long> calls) {
    public SandboxStats {
        calls = java.util.Collections.unmodifiableMap(new TreeMap<>(calls));
    }

    /** The number of calls of one operation (0 when never called). */
    public long calls(String operation) {
        return calls.getOrDefault(operation, 0L);
    }

    /** All calls. */
    public long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }
}
