package io.dirsync.sync;

import io.dirsync.source.DeltaSource;
import java.time.Duration;

/**
 * How a job reads changes only (delta sync).
 *
 * @param source the source's change reader
 * @param fullEvery the longest time between two full runs
 * @param fingerprint a digest of the source config and mapping: when it changes, the next run is full
 */
public record DeltaSettings(DeltaSource source, Duration fullEvery, String fingerprint) {
  public DeltaSettings {
    if (source == null || fullEvery == null || fingerprint == null) throw new IllegalArgumentException("source, fullEvery and fingerprint are required");
  }
}
