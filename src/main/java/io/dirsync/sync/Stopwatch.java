package io.dirsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Times the stages of a run with the run's clock. Not thread-safe. */
final class Stopwatch {
  private final Clock clock;
  private final SyncListener listener;
  private final Map<String, Duration> timings = new LinkedHashMap<>();

  Stopwatch(Clock clock, SyncListener listener) {
    this.clock = clock;
    this.listener = listener;
  }

  <T> T time(String stage, Supplier<T> work) {
    listener.stage(stage);
    Instant start = clock.instant();
    try {
      return work.get();
    } finally {
      timings.merge(stage, Duration.between(start, clock.instant()), Duration::plus);
    }
  }

  Map<String, Duration> timings() {
    return Map.copyOf(timings);
  }
}
