package io.dirsync.apply;

/**
 * How many operations run at once: enough to keep the rate limit busy whatever the round-trip
 * time. Each running operation has one call in flight, so by Little's law the rate needs
 * {@code rate × latency} of them; the limit follows the measured call latency (a moving average)
 * with 50 % headroom, never below the configured concurrency and never above {@link #CEILING}.
 * Without a rate limit the configured concurrency is used as is. Thread-safe.
 */
final class Concurrency {
  /** The most operations in flight, however slow the directory answers. */
  static final int CEILING = 64;

  private final int floor;
  private final double ratePerSecond;
  private double averageSeconds = -1;
  private int limit;
  private int running;

  Concurrency(int configured, double ratePerSecond) {
    this.floor = Math.max(1, Math.min(configured, CEILING));
    this.ratePerSecond = ratePerSecond;
    this.limit = floor;
  }

  /** Threads the apply needs: the ceiling when the limit may grow, else the configured number. */
  int threads() {
    return ratePerSecond > 0 ? Math.max(floor, CEILING) : floor;
  }

  /** Waits until one more operation may run. */
  synchronized void acquire() throws InterruptedException {
    while (running >= limit) wait();
    running++;
  }

  synchronized void release() {
    running--;
    notifyAll();
  }

  /** Records one directory call's round trip (the rate limiter's wait excluded). */
  synchronized void observe(long nanos) {
    if (ratePerSecond <= 0) return;
    double seconds = nanos / 1e9;
    averageSeconds = averageSeconds < 0 ? seconds : 0.9 * averageSeconds + 0.1 * seconds;
    int wanted = (int) Math.ceil(ratePerSecond * averageSeconds * 1.5) + 1;
    int next = Math.max(floor, Math.min(CEILING, wanted));
    if (next != limit) {
      limit = next;
      notifyAll();
    }
  }

  synchronized int limit() {
    return limit;
  }
}
