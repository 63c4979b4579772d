package io.dirsync.apply;

import java.time.Duration;

/**
 * How a plan is applied.
 *
 * @param concurrency operations in flight at once within a phase (at least 1)
 * @param requestsPerSecond the most directory calls per second; 0 means unlimited
 * @param maxAttempts attempts per call, the first included (at least 1); only transient errors are retried
 * @param initialBackoff the wait before the first retry; doubled for each further one
 * @param maxBackoff the longest wait between attempts (a server's Retry-After may ask for longer)
 * @param jitter how far (0–1, a share of the wait) each wait is randomly moved up or down
 * @param seed seeds the jitter, so a run can be replayed
 */
public record ApplySettings(
    int concurrency,
    double requestsPerSecond,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    long seed) {

  public ApplySettings {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be 0 (unlimited) or more, was " + requestsPerSecond);
    }
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff + "), was " + maxBackoff);
    }
    if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
  }

  /** 4 at once, 10 calls per second, 5 attempts, 500 ms doubling up to 30 s, ±50 % jitter. */
  public static ApplySettings defaults(long seed) {
    return new ApplySettings(4, 10, 5, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, seed);
  }
}
