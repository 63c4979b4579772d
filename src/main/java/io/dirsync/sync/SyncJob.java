package io.dirsync.sync;

import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.plan.RetirePolicy;

/**
 * What one job does with its parts.
 *
 * @param name the job's name (state store key)
 * @param removalAction what happens to managed users gone from the source
 * @param guard the mass-removal guard
 * @param lookupConcurrency parallel look-up calls
 * @param retire what happens to managed groups and departments that left the source
 */
public record SyncJob(String name, RemovalAction removalAction, GuardPolicy guard, int lookupConcurrency, RetirePolicy retire) {

  public SyncJob(String name, RemovalAction removalAction, GuardPolicy guard, int lookupConcurrency) {
    this(name, removalAction, guard, lookupConcurrency, RetirePolicy.DEFAULT);
  }

  public SyncJob {
    if (retire == null) retire = RetirePolicy.DEFAULT;
    if (name == null || name.isBlank()) throw new IllegalArgumentException("job name is required");
    if (lookupConcurrency < 1) throw new IllegalArgumentException("lookupConcurrency must be at least 1");
  }
}
