package io.dirsync.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts calls by operation: GraphQL root field or REST route. */
final class CallStats {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    void count(String operation) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    SandboxStats snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return new SandboxStats(copy);
    }

    void reset() {
        calls.clear();
    }
}
