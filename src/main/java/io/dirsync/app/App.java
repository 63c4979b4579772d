package io.dirsync.app;

import io.dirsync.config.ConfigException;
import io.dirsync.config.ConfigLoader;
import io.dirsync.config.DirsyncConfig;
import io.dirsync.config.JobConfig;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import io.dirsync.ops.Notifier;
import io.dirsync.ops.ReportWriter;
import io.dirsync.ops.SummaryPrinter;
import io.dirsync.plan.PlanCodec;
import io.dirsync.plan.PlanTable;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.source.SourceCheck;
import io.dirsync.state.StateStore;
import io.dirsync.sync.SyncRun;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: the only place that names concrete adapters. Each command loads the
 * config, builds the parts of one job, runs, and closes them.
 */
public final class App {
  private final Map<String, String> env;
  private final Clock clock;
  private final PrintStream progressOut;
  private final ReportWriter reports = new ReportWriter();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile ScheduleMode scheduleMode;
  private final Map<String, Path> reportFiles = new ConcurrentHashMap<>();

  public App(Map<String, String> env, Clock clock, PrintStream progressOut) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.progressOut = progressOut;
  }

  /** Asks running jobs to stop after the call in flight (SIGTERM); they record where they stopped. */
  public void requestStop() {
    stopRequested.set(true);
    ScheduleMode mode = scheduleMode;
    if (mode != null) mode.stop();
  }

  public DirsyncConfig loadConfig(Path file) {
    if (!file.toFile().isFile()) {
      throw ConfigException.single(file.toString(), "config file not found (use -c FILE)");
    }
    return new ConfigLoader(env).load(file);
  }

  public RunReport sync(Path configFile, String jobName, SyncOptions options) {
    DirsyncConfig config = loadConfig(configFile);
    RunReport report = runJob(config, job(config, jobName).name(), options, stopRequested::get);
    if (options.reportFile() != null) reports.copyOrWrite(reportFiles.get(report.runId()), options.reportFile(), report);
    return report;
  }

  /** One run of one job, as `sync` and each scheduled firing do it; writes the JSON report. */
  private RunReport runJob(DirsyncConfig config, String jobName, SyncOptions options, BooleanSupplier stop) {
    return runJob(config, jobName, options, stop, true);
  }

  private RunReport runJob(DirsyncConfig config, String jobName, SyncOptions options, BooleanSupplier stop, boolean oneShot) {
    JobConfig job = job(config, jobName);
    Mapping mapping = MappingFiles.load(config, job, env);
    BooleanSupplier stopping = () -> stopRequested.get() || stop.getAsBoolean();
    try (JobParts parts = JobParts.openRun(config, job, mapping, clock, options.dryRun(), stopping)) {
      ProgressPrinter progress = new ProgressPrinter(progressOut, clock);
      RunReport report = parts.syncRun().run(options.dryRun(), options.allowMassDelete(), options.full(), progress);
      progress.finish();
      report = StopOutcome.settle(report, stopping, parts.state());
      afterRun(config, report, oneShot);
      return report;
    } catch (RecordedRunFailure failed) {
      afterRun(config, failed.report(), oneShot);
      return failed.report();
    }
  }

  /**
   * What follows every run: the JSON and HTML reports, the notification (when the outcome calls
   * for one), and for one-shot commands the metrics push / textfile ({@code schedule} serves
   * /metrics instead). Notifications and metrics never change the run's outcome.
   */
  private void afterRun(DirsyncConfig config, RunReport report, boolean oneShot) {
    Path json = reports.writeInto(config.reportsDir(), report);
    reportFiles.put(report.runId(), json);
    Path html = ReportWriter.htmlOf(json);
    new Notifier(OpsSettings.notifier(config.notifications())).notify(report, html);
    if (oneShot) OpsSettings.metrics(config.metrics()).export(report);
  }

  /** Runs one job by name until done or asked to stop. */
  @FunctionalInterface
  interface JobRun {
    RunReport run(String job, BooleanSupplier stop);
  }

  /**
   * {@code dirsync schedule}: validates every mapping first (exit 2 on problems), then schedules
   * the jobs and serves /health, /metrics, /runs until {@link #requestStop()}.
   */
  public void schedule(Path configFile, PrintStream out) {
    DirsyncConfig config = loadConfig(configFile);
    validate(configFile);
    JobRun jobRun = (job, stop) -> runJob(config, job, new SyncOptions(false, null, false), stop, false);
    try (ScheduleMode mode = new ScheduleMode(config, jobRun, clock)) {
      scheduleMode = mode;
      mode.start(out);
      mode.describe(config).forEach(out::println);
      if (stopRequested.get()) mode.stop();
      mode.awaitStop();
    } finally {
      scheduleMode = null;
    }
  }

  public Plan plan(Path configFile, String jobName) {
    return checkedPlan(configFile, jobName).plan();
  }

  /** A plan and, when the safety guards would stop `sync` from applying it, why. */
  public record CheckedPlan(Plan plan, java.util.Optional<String> guardViolation) {}

  /** The plan `sync` would apply now, checked against the job's safety guards; changes nothing. */
  public CheckedPlan checkedPlan(Path configFile, String jobName) {
    return checkedPlan(configFile, jobName, false);
  }

  /** As {@link #checkedPlan(Path, String)}; {@code full}: read the whole source even with delta sync. */
  public CheckedPlan checkedPlan(Path configFile, String jobName, boolean full) {
    DirsyncConfig config = loadConfig(configFile);
    JobConfig job = job(config, jobName);
    Mapping mapping = MappingFiles.load(config, job, env);
    try (JobParts parts = JobParts.open(config, job, mapping, clock, stopRequested::get)) {
      ProgressPrinter progress = new ProgressPrinter(progressOut, clock);
      io.dirsync.sync.SyncRun run = parts.syncRun();
      Plan plan = run.plan(progress, full);
      progress.finish();
      return new CheckedPlan(plan, parts.guardViolation(plan, run.lastSourceUsers()));
    }
  }

  public RunReport apply(Path configFile, Path planFile, boolean allowMassDelete) {
    DirsyncConfig config = loadConfig(configFile);
    Plan plan = readPlan(planFile);
    JobConfig job = job(config, plan.job());
    Mapping mapping = MappingFiles.load(config, job, env);
    try (JobParts parts = JobParts.openRun(config, job, mapping, clock, false, stopRequested::get)) {
      ProgressPrinter progress = new ProgressPrinter(progressOut, clock);
      RunReport report = parts.savedPlanRun().apply(plan, allowMassDelete, progress);
      progress.finish();
      report = StopOutcome.settle(report, stopRequested::get, parts.state());
      afterRun(config, report, true);
      return report;
    } catch (RecordedRunFailure failed) {
      afterRun(config, failed.report(), true);
      return failed.report();
    }
  }

  public String planJson(Plan plan) {
    return new PlanCodec().write(plan);
  }

  public String planTable(Plan plan) {
    return new PlanTable().render(plan);
  }

  /** {@link #planTable} written to {@code out} as it is made, never held whole. */
  public void printPlanTable(Plan plan, PrintStream out) {
    ChunkedPrint chunks = new ChunkedPrint(out);
    new PlanTable().write(plan, chunks);
    chunks.flush();
  }

  /** {@link #planJson} and a line end written to {@code out} as it is made, never held whole. */
  public void printPlanJson(Plan plan, PrintStream out) {
    ChunkedPrint chunks = new ChunkedPrint(out);
    new PlanCodec().write(plan, chunks);
    chunks.append('\n').flush();
  }

  /** {@link #planJson} written to {@code file} (UTF-8) as it is made. */
  public void savePlanJson(Plan plan, Path file) throws java.io.IOException {
    try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
      new PlanCodec().write(plan, out);
    }
  }

  public String summary(RunReport report) {
    Path file = reportFiles.get(report.runId());
    if (io.dirsync.ops.LoggingSetup.jsonAsked(env)) {
      return new SummaryPrinter().json(report, file == null ? null : relative(file).toString(), clock.instant());
    }
    return new SummaryPrinter().summary(report) + (file == null ? ""
        : "  report: " + relative(file) + "\n  page:   " + relative(ReportWriter.htmlOf(file)) + "\n");
  }

  private static Path relative(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
  }

  /** Checks config and mappings without network; returns what it found, throws on problems. */
  public List<String> validate(Path configFile) {
    return validate(configFile, true);
  }

  /**
   * As {@link #validate(Path)}; with {@code resolveSecrets} false, {@code ${env:…}} and
   * {@code ${file:…}} references that cannot be resolved here are left as written.
   */
  public List<String> validate(Path configFile, boolean resolveSecrets) {
    if (!configFile.toFile().isFile()) throw ConfigException.single(configFile.toString(), "config file not found (use -c FILE)");
    DirsyncConfig config = new ConfigLoader(env, resolveSecrets).load(configFile);
    List<String> lines = new ArrayList<>();
    lines.add(configFile + ": OK, " + config.jobs().size() + " job(s)" + (resolveSecrets ? "" : " (secrets not resolved)"));
    io.dirsync.config.Problems problems = new io.dirsync.config.Problems();
    for (JobConfig job : config.jobs()) {
      try {
        MappingFiles.load(config, job, env);
        lines.add("  job " + job.name() + ": mapping " + job.mapping() + " OK");
      } catch (ConfigException e) {
        e.problems().forEach(problems::add);
      }
    }
    problems.throwIfAny();
    return lines;
  }

  public CheckResult check(Path configFile, String jobName) {
    DirsyncConfig config = loadConfig(configFile);
    JobConfig job = job(config, jobName);
    Mapping mapping = MappingFiles.load(config, job, env);
    List<String> lines = new ArrayList<>();
    boolean ok;
    try (JobParts parts = JobParts.open(config, job, mapping, clock, stopRequested::get)) {
      SourceCheck source = parts.sources().isEmpty() ? parts.source().check() : JoinedChecks.check(parts.sources(), lines);
      if (parts.sources().isEmpty()) source.steps().forEach(s -> lines.add("source: " + s));
      boolean targetOk = true;
      try {
        parts.directory().checkAccess();
        lines.add("target: authenticated to " + parts.targetDescription());
      } catch (RuntimeException e) {
        targetOk = false;
        lines.add("target: FAILED — " + e.getMessage());
      }
      ok = source.ok() && targetOk;
    } catch (RunFailure e) {
      lines.add(e.getMessage());
      ok = false;
    }
    return new CheckResult(ok, lines);
  }

  /** A run as `dirsync runs` lists it: its summary and what kind of run it was (sync, apply, dry-run). */
  public record RunRow(RunSummary summary, String kind) {}

  public List<RunRow> runs(Path configFile, int limit) {
    DirsyncConfig config = loadConfig(configFile);
    try (io.dirsync.state.JdbcStateStore state = JobParts.openState(config)) {
      AbandonedRuns.sweep(state, state.recentRuns(limit).stream().filter(r -> r.finishedAt() == null)
          .map(RunSummary::job).distinct().toList(), clock);
      return state.recentRuns(limit).stream()
          .map(r -> new RunRow(r, r.dryRun() ? "dry-run" : state.report(r.runId()).map(RunReport::kindOfRun).orElse(r.finishedAt() == null ? "-" : "sync")))
          .toList();
    }
  }

  /** A sandbox started by `dirsync sandbox`. */
  public interface RunningSandbox extends AutoCloseable {
    URI baseUri();

    @Override
    void close();
  }

  public RunningSandbox startSandbox(SandboxSettings s) {
    SandboxOptions options = SandboxOptions.defaults().withHost(s.host()).withPort(s.port()).withDataDir(s.dataDir())
        .withCredentials(s.userPoolId(), s.secret()).withRateLimitRps(s.rateLimitRps()).withFailRate(s.failRate())
        .withLatencyMillis(s.latencyMillis()).withSeed(s.seed()).withThrottleRate(s.throttleRate());
    SandboxServer server = SandboxServer.start(options, clock);
    return new RunningSandbox() {
      private boolean closed;

      public URI baseUri() {
        return server.baseUri();
      }

      public synchronized void close() {
        if (!closed) server.close();
        closed = true;
      }
    };
  }

  private static Plan readPlan(Path file) {
    try {
      return new PlanCodec().read(java.nio.file.Files.readString(file));
    } catch (java.io.IOException e) {
      throw new RunFailure(RunOutcome.CONFIG_ERROR, "cannot read plan " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new RunFailure(RunOutcome.CONFIG_ERROR, file + ": not a dirsync plan: " + e.getMessage(), e);
    }
  }

  private static JobConfig job(DirsyncConfig config, String name) {
    return config.job(name).orElseThrow(() -> new RunFailure(RunOutcome.CONFIG_ERROR,
        config.file() + ": no job named '" + name + "'; jobs: " + config.jobs().stream().map(JobConfig::name).toList(), null));
  }
}
