package io.dirsync.ops;

import io.dirsync.model.RunSummary;
import java.time.Duration;
import java.time.Instant;

/**
 * The health of one job.
 *
 * @param reason why it is unhealthy, null when healthy
 * @param lastRun its last finished run (dry runs aside), or null
 * @param lastSuccess when its last successful run finished, or null
 * @param expectedEvery the longest gap between its cron firings, null for on-demand jobs
 * @param successDeadline by when a successful run must have happened, null for on-demand jobs
 * @param running whether a run is in progress
 */
public record JobHealth(String job, Status status, String reason, RunSummary lastRun, Instant lastSuccess,
    Duration expectedEvery, Instant successDeadline, boolean running) {

  public enum Status {
    /** The last run succeeded, recently enough. */
    OK,
    /** No run yet, still within the grace period. */
    WAITING,
    /** The last run ended with an exit code other than 0. */
    FAILING,
    /** No successful run within the grace period. */
    STALE
  }

  public boolean healthy() {
    return status == Status.OK || status == Status.WAITING;
  }
}
