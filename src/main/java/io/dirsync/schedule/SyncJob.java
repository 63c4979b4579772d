package io.dirsync.schedule;

import io.dirsync.model.RunReport;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Quartz job behind every dirsync job: hands the firing to the {@link JobRunner}. Never runs
 * twice at once for the same job — in one process, or (with the clustered store) across containers.
 */
@DisallowConcurrentExecution
final class SyncJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(SyncJob.class);

  private final JobRunner runner;
  private final StopSignal stop;

  SyncJob(JobRunner runner, StopSignal stop) {
    this.runner = runner;
    this.stop = stop;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String job = context.getJobDetail().getKey().getName();
    if (stop.stopRequested()) {
      log.info("job {}: not started, the scheduler is stopping", job);
      return;
    }
    JobFiring firing = new JobFiring(job, context.getScheduledFireTime().toInstant(),
        context.getFireTime().toInstant(), instanceId(context));
    MDC.put("job", job);
    try {
      if (context.isRecovering()) log.warn("job {}: running again, the node that ran the firing of {} died", job, firing.scheduledAt());
      log.info("job {}: started on {} (due {})", job, firing.instanceId(), firing.scheduledAt());
      RunReport report = runner.run(firing, stop);
      if (report == null) {
        log.info("job {}: finished", job);
      } else if (report.outcome().exitCode() == 0) {
        log.info("job {}: finished: {} (exit 0), {} changes", job, report.outcome(), report.changesApplied());
      } else {
        log.warn("job {}: finished: {} (exit {}) {}", job, report.outcome(), report.outcome().exitCode(),
            report.message() == null ? "" : report.message());
      }
    } catch (RuntimeException e) {
      // The next firing still happens; the failure shows on /health through the run history.
      log.error("job {}: failed: {}", job, e.toString(), e);
    } catch (VirtualMachineError e) {
      // Quartz would swallow it and keep a broken JVM running: hand it to the process's fatal handler.
      Thread.UncaughtExceptionHandler fatal = Thread.getDefaultUncaughtExceptionHandler();
      if (fatal != null) fatal.uncaughtException(Thread.currentThread(), e);
      throw e;
    } finally {
      MDC.remove("job");
    }
  }

  private static String instanceId(JobExecutionContext context) {
    try {
      return context.getScheduler().getSchedulerInstanceId();
    } catch (SchedulerException e) {
      return "unknown";
    }
  }
}
