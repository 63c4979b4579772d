package io.dirsync.config;

import java.time.Duration;

/** How changes are sent: parallel calls, client-side rate limit, retries of transient errors. */
public record ApplyConfig(int concurrency, double requestsPerSecond, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {}
