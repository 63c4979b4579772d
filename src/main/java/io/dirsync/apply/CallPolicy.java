package io.dirsync.apply;

import io.dirsync.directory.DirectoryException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Every directory call goes through here: a rate limiter per call, and a retry of transient
 * errors only, with exponential backoff, seeded jitter, and at least the server's Retry-After.
 */
final class CallPolicy {

  private final RateLimiter limiter;
  private final Retry retry;
  private final ApplySettings settings;
  private final Random random;
  private java.util.function.LongConsumer latency = nanos -> {};

  CallPolicy(String name, ApplySettings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.limiter = settings.requestsPerSecond() == 0 ? null : RateLimiter.of(name, RateLimiterConfig.custom()
        .limitForPeriod(1)
        .limitRefreshPeriod(Duration.ofNanos(Math.max(1, Math.round(1_000_000_000 / settings.requestsPerSecond()))))
        .timeoutDuration(Duration.ofHours(1))
        .build());
    IntervalBiFunction<Object> interval = (attempt, result) -> backoffMillis(attempt, result.isLeft() ? result.getLeft() : null);
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(e -> e instanceof DirectoryException d && d.isTransient())
        .build());
  }

  /** One directory call, rate-limited and retried. */
  <T> T call(Supplier<T> call) {
    return retry(() -> limit(call));
  }

  void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  /** Retries {@code attempt} (which makes its own {@link #limit} calls) on transient errors. */
  <T> T retry(Supplier<T> attempt) {
    return Retry.decorateSupplier(retry, attempt).get();
  }

  /** One rate-limited directory call, not retried. */
  <T> T limit(Supplier<T> call) {
    if (limiter != null) RateLimiter.waitForPermission(limiter);
    long started = System.nanoTime();
    try {
      return call.get();
    } finally {
      latency.accept(System.nanoTime() - started);
    }
  }

  /** Tells {@code observer} the round trip of every call (the rate limiter's wait excluded). */
  CallPolicy observingLatency(java.util.function.LongConsumer observer) {
    this.latency = observer;
    return this;
  }

  /** The limiter's configuration, or empty when calls are unlimited (for tests). */
  java.util.Optional<RateLimiterConfig> rateLimit() {
    return java.util.Optional.ofNullable(limiter).map(RateLimiter::getRateLimiterConfig);
  }

  long backoffMillis(int attempt, Throwable error) {
    double base = Math.min(settings.maxBackoff().toMillis(), settings.initialBackoff().toMillis() * Math.pow(2, attempt - 1));
    double factor = 1 + settings.jitter() * (2 * random.nextDouble() - 1);
    long wait = Math.max(1, Math.round(base * factor));
    if (error instanceof DirectoryException d && d.retryAfterMillis() >= 0) wait = Math.max(wait, d.retryAfterMillis());
    return wait;
  }
}
