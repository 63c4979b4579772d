package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Holds the management token until shortly before its JWT {@code exp}. Single-flight: callers
 * that find no valid token queue on one lock, the first fetches, the rest reuse its result — a
 * token, or the failure (callers that arrive after a failed fetch try again). Thread-safe.
 */
final class TokenCache {

  /** A token and the instant after which it is no longer used. */
  private record Held(String token, Instant useUntil) {}

  private final Supplier<String> fetcher;
  private final Clock clock;
  private final Duration margin;
  private final ObjectMapper json;
  private final Object lock = new Object();
  private volatile Held held;
  /** Fetches finished so far, and the failure of the last one (null when it succeeded). */
  private final java.util.concurrent.atomic.AtomicLong finished = new java.util.concurrent.atomic.AtomicLong();
  private RuntimeException lastFailure;

  TokenCache(Supplier<String> fetcher, Clock clock, Duration margin, ObjectMapper json) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.margin = margin;
    this.json = json;
  }

  /** A valid token, fetched when none is held or the held one is about to expire. */
  String get() {
    Held h = held;
    if (usable(h)) return h.token();
    long before = finished.get();
    synchronized (lock) {
      h = held;
      if (usable(h)) return h.token();
      if (finished.get() != before && lastFailure != null) throw lastFailure; // failed while we waited
      try {
        String token = fetcher.get();
        held = new Held(token, useUntil(token));
        lastFailure = null;
        return token;
      } catch (RuntimeException e) {
        lastFailure = e;
        throw e;
      } finally {
        finished.incrementAndGet();
      }
    }
  }

  /** Drops {@code token} if it is still the held one (a refused token; a newer one is kept). */
  void invalidate(String token) {
    synchronized (lock) {
      Held h = held;
      if (h != null && h.token().equals(token)) held = null;
    }
  }

  private boolean usable(Held h) {
    return h != null && clock.instant().isBefore(h.useUntil());
  }

  /**
   * {@code exp} minus the margin; a token shorter-lived than twice the margin is kept for half its
   * remaining life instead, so short-lived tokens are not fetched before every call.
   */
  private Instant useUntil(String token) {
    Instant now = clock.instant();
    Instant exp = expiry(token);
    if (exp == null) return now; // not a JWT we can read: use once
    Duration left = Duration.between(now, exp);
    Duration keep = left.compareTo(margin.multipliedBy(2)) >= 0 ? left.minus(margin) : left.dividedBy(2);
    return now.plus(keep);
  }

  /** The JWT's {@code exp}, or null when the token is not a readable JWT. */
  Instant expiry(String token) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) return null;
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace('=', ' ').trim());
      JsonNode claims = json.readTree(new String(payload, StandardCharsets.UTF_8));
      JsonNode exp = claims.get("exp");
      return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
    } catch (IllegalArgumentException | IOException e) {
      return null;
    }
  }
}
