package io.dirsync.schedule;

import io.dirsync.model.RunReport;

/**
 * Runs one job when its trigger fires. The scheduler never calls it twice at once for the same
 * job (in one process, or across a cluster), but may call it for different jobs concurrently.
 */
@FunctionalInterface
public interface JobRunner {

  /**
   * Runs the job to the end, or until {@code stop} asks to stop (then finishes the operation in
   * flight and returns). Exceptions are logged by the scheduler; the next firing still happens.
   *
   * @return the run's report; its outcome is logged (may be null if the runner reports elsewhere)
   */
  RunReport run(JobFiring firing, StopSignal stop);
}
