package io.dirsync.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds each Quartz job with the runner and stop signal it needs, by constructor. */
final class RunnerJobFactory implements JobFactory {
  private final JobRunner runner;
  private final StopSignal stop;

  RunnerJobFactory(JobRunner runner, StopSignal stop) {
    this.runner = runner;
    this.stop = stop;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type != SyncJob.class) {
      throw new SchedulerException("job " + bundle.getJobDetail().getKey() + " has unknown class " + type.getName());
    }
    return new SyncJob(runner, stop);
  }
}
