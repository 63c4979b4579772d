package io.dirsync.app;

import io.dirsync.state.JdbcStateStore;
import io.dirsync.state.JobLock;
import io.dirsync.state.JobLocks;
import java.time.Clock;
import java.util.Collection;

/**
 * Runs left {@code running} by a process that died are marked abandoned as soon as their job's
 * lock is free: by the next run of the job, by {@code dirsync runs}, and when the scheduler starts.
 */
final class AbandonedRuns {
  private AbandonedRuns() {}

  static void sweep(JdbcStateStore state, Collection<String> jobs, Clock clock) {
    JobLocks locks = state.jobLocks(clock);
    for (String job : jobs) {
      JobLocks.Result result = locks.tryLock(job);
      if (result.lock().isEmpty()) continue;
      try (JobLock lock = result.lock().get()) {
        state.markAbandoned(job, null, clock.instant(), JobParts.ABANDONED);
      }
    }
  }
}
