package io.dirsync.sandbox;

import java.time.Clock;

/** A token bucket holding one second's worth of calls; time comes from the injected clock. */
final class RateLimiter {
    private final double rps;
    private final double capacity;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    RateLimiter(double rps, Clock clock) {
        this.rps = rps;
        this.capacity = Math.max(1, rps);
        this.clock = clock;
        this.tokens = capacity;
        this.lastMillis = clock.millis();
    }

    /** 0 when the call may proceed; otherwise the seconds to wait (at least 1) before retrying. */
    synchronized long tryAcquire() {
        if (rps <= 0) {
            return 0;
        }
        long now = clock.millis();
        if (now > lastMillis) {
            tokens = Math.min(capacity, tokens + (now - lastMillis) * rps / 1000.0);
            lastMillis = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rps));
    }
}
