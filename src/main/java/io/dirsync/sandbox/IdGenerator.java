package io.dirsync.sandbox;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mints 24-hex-digit ids (the shape of Authing's ids) that sort in creation order, also across
 * restarts: ids already in the store are {@link #observe observed} so new ones come after them.
 */
final class IdGenerator {
    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    IdGenerator(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long candidate = clock.millis() << 12;
        long value = last.accumulateAndGet(candidate, (prev, now) -> Math.max(prev + 1, now));
        return String.format("%08x%016x", 0x5f000000L, value);
    }

    /** Records an existing id so later ids sort after it; ids of another shape are ignored. */
    void observe(String id) {
        if (id == null || id.length() != 24) {
            return;
        }
        try {
            long value = Long.parseUnsignedLong(id.substring(8), 16);
            last.accumulateAndGet(value, Math::max);
        } catch (NumberFormatException e) {
            // not one of ours: nothing to order against
        }
    }
}
