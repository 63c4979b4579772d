package io.dirsync.directory.authing;

import io.dirsync.directory.DirectoryException;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Retries one read (a page of a listing, a member page, a look-up) on transient errors, with
 * exponential backoff, seeded jitter and at least the server's Retry-After. A listing of many pages
 * is retried page by page: retried as a whole it could not finish under steady throttling (each
 * attempt would need every page to pass). Writes are never retried here; the apply layer does.
 * Thread-safe.
 */
final class ReadRetry {
  /** Sleeps; a parameter so tests can count the waits instead of waiting. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final int attempts;
  private final Duration initial;
  private final Duration max;
  private final double jitter;
  private final Random random;
  private final Sleeper sleeper;

  ReadRetry(int attempts, Duration initial, Duration max, double jitter, long seed, Sleeper sleeper) {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
    this.attempts = attempts;
    this.initial = initial;
    this.max = max;
    this.jitter = jitter;
    this.random = new Random(seed);
    this.sleeper = sleeper;
  }

  /** 8 attempts, 200 ms doubling up to 10 s, ±50 % jitter. */
  static ReadRetry defaults() {
    return new ReadRetry(8, Duration.ofMillis(200), Duration.ofSeconds(10), 0.5, 42L, Thread::sleep);
  }

  <T> T call(Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (DirectoryException e) {
        if (!e.isTransient() || attempt >= attempts) throw e;
        pause(wait(attempt, e));
      }
    }
  }

  long wait(int attempt, DirectoryException e) {
    double base = Math.min(max.toMillis(), initial.toMillis() * Math.pow(2, attempt - 1));
    double factor;
    synchronized (random) {
      factor = 1 + jitter * (2 * random.nextDouble() - 1);
    }
    long wait = Math.max(1, Math.round(base * factor));
    return e.retryAfterMillis() >= 0 ? Math.max(wait, e.retryAfterMillis()) : wait;
  }

  private void pause(long millis) {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AuthingException(DirectoryException.Kind.TRANSIENT, "read", 0, 0, -1, "interrupted while waiting to retry", null);
    }
  }
}
