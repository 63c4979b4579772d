package io.dirsync.schedule;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on their Quartz cron expressions until stopped: {@code dirsync schedule}.
 *
 * <ul>
 *   <li>A job never overlaps itself; a firing due while the previous run still runs waits for it.
 *   <li>A firing missed while the process was down (or every thread busy) runs once when it can,
 *       not once per missed firing.
 *   <li>With {@link QuartzSettings#clustered clustered} settings, triggers live in PostgreSQL and
 *       each firing runs on exactly one of the schedulers sharing the database.
 *   <li>{@link #stop()} asks running jobs to stop after their current operation (through the
 *       {@link StopSignal}) and waits for them.
 * </ul>
 *
 * <p>Thread-safe: {@link #stop()} may be called from a shutdown hook.
 */
public final class DirsyncScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DirsyncScheduler.class);
  static final String GROUP = "dirsync";

  private final List<ScheduledJob> jobs;
  private final JobRunner runner;
  private final QuartzSettings settings;
  private final Clock clock;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Scheduler scheduler;

  public DirsyncScheduler(List<ScheduledJob> jobs, JobRunner runner, QuartzSettings settings, Clock clock) {
    this.jobs = List.copyOf(jobs);
    this.runner = runner;
    this.settings = settings;
    this.clock = clock;
    long distinct = this.jobs.stream().map(ScheduledJob::name).distinct().count();
    if (distinct != this.jobs.size()) throw new IllegalArgumentException("job names must be unique");
  }

  /**
   * Creates the job store tables if needed, schedules (or keeps) every job's trigger and starts
   * firing. Returns at once.
   *
   * @throws ScheduleException when the job store cannot be reached or a trigger cannot be stored
   */
  public synchronized void start() {
    prepare();
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new ScheduleException("cannot start the scheduler: " + e.getMessage(), e);
    }
    for (ScheduledJob job : jobs) {
      log.info("job {}: scheduled \"{}\" ({}), next run at {}", job.name(), job.cron(), job.zone(),
          nextFireTime(job.name()).map(Instant::toString).orElse("never"));
    }
  }

  /** Everything {@link #start()} does except starting to fire (in standby). */
  synchronized void prepare() {
    if (scheduler != null) return;
    if (stopRequested.get()) throw new IllegalStateException("the scheduler was stopped");
    try {
      if (settings.isClustered() && QuartzTables.ensure(settings.database())) {
        log.info("created the Quartz tables in {}", settings.database());
      }
      Scheduler s = create();
      s.setJobFactory(new RunnerJobFactory(runner, stopSignal()));
      scheduler = s;
      removeUnconfiguredJobs(s);
      for (ScheduledJob job : jobs) schedule(s, job);
      log.info("scheduler {} ready with {} job(s), {}", s.getSchedulerInstanceId(), jobs.size(), settings);
    } catch (SchedulerException | SQLException e) {
      throw new ScheduleException("cannot set up the scheduler (" + settings + "): " + e.getMessage(), e);
    }
  }

  private Scheduler create() throws SchedulerException {
    // Quartz's factory keeps a JVM-wide registry by scheduler name and would hand back another
    // instance of the same (cluster-wide) name; each DirsyncScheduler owns its own Quartz scheduler.
    SchedulerRepository repository = SchedulerRepository.getInstance();
    synchronized (repository) {
      String dataSource = "dirsync-" + UUID.randomUUID();
      Scheduler s = new StdSchedulerFactory(settings.toProperties(Math.max(1, jobs.size()), dataSource)).getScheduler();
      repository.remove(s.getSchedulerName());
      return s;
    }
  }

  private void schedule(Scheduler s, ScheduledJob job) throws SchedulerException {
    JobKey jobKey = JobKey.jobKey(job.name(), GROUP);
    TriggerKey triggerKey = TriggerKey.triggerKey(job.name(), GROUP);
    Trigger existing = s.getTrigger(triggerKey);
    if (existing instanceof CronTrigger cron && sameSchedule(cron, job) && existingJobIsOurs(s, jobKey)) {
      return; // keep it: its next fire time (possibly missed while we were down) still counts
    }
    JobDetail detail = newJob(SyncJob.class).withIdentity(jobKey)
        .withDescription("dirsync job " + job.name())
        .requestRecovery(settings.isClustered())
        .build();
    Trigger trigger = newTrigger().withIdentity(triggerKey).forJob(jobKey)
        .withSchedule(cronSchedule(job.cron())
            .inTimeZone(TimeZone.getTimeZone(job.zone()))
            .withMisfireHandlingInstructionFireAndProceed())
        .startAt(Date.from(clock.instant()))
        .build();
    if (existing != null || s.checkExists(jobKey)) {
      s.scheduleJob(detail, Set.of(trigger), true);
      return;
    }
    try {
      s.scheduleJob(detail, trigger);
    } catch (ObjectAlreadyExistsException e) {
      log.debug("job {}: scheduled by another node at the same moment", job.name());
    }
  }

  private static boolean sameSchedule(CronTrigger trigger, ScheduledJob job) {
    return trigger.getCronExpression().equals(job.cron())
        && trigger.getTimeZone().getID().equals(TimeZone.getTimeZone(job.zone()).getID())
        && trigger.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW;
  }

  private static boolean existingJobIsOurs(Scheduler s, JobKey key) throws SchedulerException {
    JobDetail detail = s.getJobDetail(key);
    return detail != null && detail.getJobClass() == SyncJob.class;
  }

  private void removeUnconfiguredJobs(Scheduler s) throws SchedulerException {
    Set<String> names = jobs.stream().map(ScheduledJob::name).collect(Collectors.toSet());
    for (JobKey key : s.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      if (!names.contains(key.getName())) {
        log.info("job {}: no longer configured, unscheduled", key.getName());
        s.deleteJob(key);
      }
    }
  }

  /** When the job fires next, if it is scheduled. */
  public Optional<Instant> nextFireTime(String job) {
    Scheduler s = scheduler;
    if (s == null) return Optional.empty();
    try {
      Trigger trigger = s.getTrigger(TriggerKey.triggerKey(job, GROUP));
      return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
    } catch (SchedulerException e) {
      throw new ScheduleException("cannot read the trigger of job " + job + ": " + e.getMessage(), e);
    }
  }

  /** What running jobs poll; true once {@link #stop()} was called. */
  public StopSignal stopSignal() {
    return stopRequested::get;
  }

  /**
   * Stops firing, asks running jobs to stop after their current operation and waits for them to
   * return. Idempotent; safe from a shutdown hook.
   */
  public void stop() {
    if (!stopRequested.compareAndSet(false, true)) {
      awaitStop();
      return;
    }
    try {
      Scheduler s;
      synchronized (this) {
        s = scheduler;
      }
      if (s != null) {
        log.info("scheduler stopping: waiting for running jobs to finish their current operation");
        s.shutdown(true);
        log.info("scheduler stopped");
      }
    } catch (SchedulerException e) {
      log.warn("scheduler did not stop cleanly: {}", e.getMessage(), e);
    } finally {
      stopped.countDown();
    }
  }

  /** Blocks until {@link #stop()} has finished (the CLI's main thread waits here). */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
