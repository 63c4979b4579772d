package io.dirsync.sync;

import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;

/**
 * What one job does with its parts.
 *
 * @param name the job's name (state store key)
 * @param removalAction what happens to managed users gone from the source
 * @param guard the mass-removal guard
 * @param lookupConcurrency parallel look-up calls
 */
public record SyncJob(String name, RemovalAction removalAction, GuardPolicy guard, int lookupConcurrency) {
  public SyncJob {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("job name is required");
    if (lookupConcurrency < 1) throw new IllegalArgumentException("lookupConcurrency must be at least 1");
  }
}
