package io.dirsync.app;

import io.dirsync.config.DirsyncConfig;
import io.dirsync.model.RunReport;
import io.dirsync.ops.HealthPolicy;
import io.dirsync.ops.OpsServer;
import io.dirsync.ops.RunMetrics;
import io.dirsync.ops.StatusPage;
import io.dirsync.schedule.DirsyncScheduler;
import io.dirsync.schedule.JobRunner;
import io.dirsync.schedule.QuartzSettings;
import io.dirsync.schedule.ScheduledJob;
import io.dirsync.state.StateStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code dirsync schedule}: every job on its cron, plus /health, /metrics and /runs, until stopped.
 * Each firing opens the job's parts, runs, records and closes them, like {@code dirsync sync}.
 */
final class ScheduleMode implements AutoCloseable {
  private final StateStore state;
  private final OpsServer server;
  private final DirsyncScheduler scheduler;

  ScheduleMode(DirsyncConfig config, App.JobRun jobRun, Clock clock) {
    List<ScheduledJob> jobs = ScheduledJob.from(config.jobs());
    if (jobs.isEmpty()) {
      throw new RunFailure(io.dirsync.model.RunOutcome.CONFIG_ERROR,
          config.file() + ": no job has a 'schedule'; add a Quartz cron such as \"0 0 2 * * ?\"", null);
    }
    io.dirsync.state.JdbcStateStore store = JobParts.openState(config);
    this.state = store;
    AbandonedRuns.sweep(store, jobs.stream().map(ScheduledJob::name).toList(), clock);
    PrometheusMeterRegistry registry = RunMetrics.prometheusRegistry();
    RunMetrics metrics = new RunMetrics(registry);
    metrics.restore(state.recentRuns(500));
    HealthPolicy health = new HealthPolicy(jobs.stream()
        .map(j -> new HealthPolicy.WatchedJob(j.name(), j.cron(), j.zone())).toList(), clock);
    StatusPage page = new StatusPage(() -> jobs.stream()
        .map(j -> new StatusPage.ScheduledJob(j.name(), j.cron(), j.zone().getId(), nextFiring(j.name())))
        .toList(), config.reportsDir());
    this.server = new OpsServer(config.http().address(), config.http().port(), state, health, registry, page);
    JobRunner runner = (firing, stop) -> {
      RunReport report = jobRun.run(firing.job(), stop::stopRequested);
      metrics.record(report);
      return report;
    };
    this.scheduler = new DirsyncScheduler(jobs, runner, QuartzSettings.forState(config.state(), "AUTO"), clock);
  }

  private java.time.Instant nextFiring(String job) {
    DirsyncScheduler s = scheduler;
    return s == null ? null : s.nextFireTime(job).orElse(null);
  }

  /** Starts serving and scheduling; returns at once. */
  void start(PrintStream out) {
    server.start();
    scheduler.start();
    out.println("dirsync schedule: status page at " + server.baseUri() + " (/health, /metrics, /runs)");
  }

  List<String> describe(DirsyncConfig config) {
    return ScheduledJob.from(config.jobs()).stream()
        .map(j -> "  job " + j.name() + ": \"" + j.cron() + "\" (" + j.zone() + "), next run "
            + scheduler.nextFireTime(j.name()).map(Object::toString).orElse("not scheduled"))
        .toList();
  }

  void stop() {
    scheduler.stop();
  }

  void awaitStop() {
    scheduler.awaitStop();
  }

  java.net.URI baseUri() {
    return server.baseUri();
  }

  @Override
  public void close() {
    scheduler.close();
    server.close();
    state.close();
  }
}
