package io.dirsync.ops;

import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records run reports as metrics. In Prometheus terms:
 *
 * <ul>
 *   <li>{@code dirsync_runs_total{job,outcome,dry_run}}
 *   <li>{@code dirsync_operations_total{job,kind,outcome}}
 *   <li>{@code dirsync_api_calls_total{job,operation}}
 *   <li>{@code dirsync_skipped_entries_total{job}}
 *   <li>{@code dirsync_run_duration_seconds{job,outcome}} (count, sum, max)
 *   <li>{@code dirsync_last_success_timestamp_seconds{job}}, {@code dirsync_last_run_timestamp_seconds{job}},
 *       {@code dirsync_last_run_exit_code{job}}, {@code dirsync_source_users{job}} — dry runs aside
 * </ul>
 *
 * Thread-safe.
 */
public final class RunMetrics {
  private final MeterRegistry registry;
  private final Map<String, JobGauges> gauges = new ConcurrentHashMap<>();

  public RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A Prometheus registry with JVM and process metrics bound, for {@link OpsServer}. */
  public static PrometheusMeterRegistry prometheusRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** Adds one finished run. */
  public void record(RunReport report) {
    String job = report.job();
    String outcome = name(report.outcome());
    Counter.builder("dirsync.runs").description("Runs finished, by outcome")
        .tag("job", job).tag("outcome", outcome).tag("dry_run", Boolean.toString(report.dryRun()))
        .register(registry).increment();
    report.counts().forEach((kind, byOutcome) -> byOutcome.forEach((result, count) -> {
      if (count > 0) operations(job, kind, result).increment(count);
    }));
    report.apiCalls().forEach((operation, calls) -> {
      if (calls > 0) {
        Counter.builder("dirsync.api.calls").description("Calls made to the directory, by API operation")
            .tag("job", job).tag("operation", operation).register(registry).increment(calls);
      }
    });
    if (!report.skipped().isEmpty()) {
      Counter.builder("dirsync.skipped.entries").description("Source entries that could not be mapped")
          .tag("job", job).register(registry).increment(report.skipped().size());
    }
    if (report.startedAt() != null && report.finishedAt() != null) {
      Timer.builder("dirsync.run.duration").description("How long runs take")
          .tag("job", job).tag("outcome", outcome).register(registry)
          .record(Duration.between(report.startedAt(), report.finishedAt()));
    }
    if (!report.dryRun()) {
      JobGauges g = gauges(job);
      Instant finished = report.finishedAt() != null ? report.finishedAt() : report.startedAt();
      if (finished != null) g.lastRun.set(finished.toEpochMilli());
      if (report.outcome() != null) g.lastExitCode.set(report.outcome().exitCode());
      if (report.outcome() == RunOutcome.SUCCESS && finished != null) g.lastSuccess.set(finished.toEpochMilli());
      g.sourceUsers.set(report.sourceUsers());
    }
  }

  /**
   * Sets the last-run gauges from the run history, so a restarted process does not report "never
   * succeeded" until the next run. Counters start from zero, as Prometheus expects.
   */
  public void restore(List<RunSummary> history) {
    history.stream()
        .filter(r -> !r.dryRun() && r.finishedAt() != null && r.outcome() != null)
        .sorted((a, b) -> a.finishedAt().compareTo(b.finishedAt()))
        .forEach(r -> {
          JobGauges g = gauges(r.job());
          g.lastRun.set(r.finishedAt().toEpochMilli());
          g.lastExitCode.set(r.outcome().exitCode());
          if (r.outcome() == RunOutcome.SUCCESS) g.lastSuccess.set(r.finishedAt().toEpochMilli());
        });
  }

  private Counter operations(String job, OperationKind kind, OperationOutcome outcome) {
    return Counter.builder("dirsync.operations").description("Operations by kind and outcome")
        .tag("job", job).tag("kind", kind.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  private JobGauges gauges(String job) {
    return gauges.computeIfAbsent(job, j -> new JobGauges(registry, j));
  }

  private static String name(RunOutcome outcome) {
    return outcome == null ? "unknown" : outcome.name().toLowerCase(Locale.ROOT);
  }

  /** The per-job gauge values; kept here so the registry's weak references stay alive. */
  private static final class JobGauges {
    final AtomicLong lastSuccess = new AtomicLong();
    final AtomicLong lastRun = new AtomicLong();
    final AtomicLong lastExitCode = new AtomicLong(-1);
    final AtomicLong sourceUsers = new AtomicLong();

    JobGauges(MeterRegistry registry, String job) {
      Gauge.builder("dirsync.last.success.timestamp", lastSuccess, v -> v.get() / 1000.0)
          .description("When the job last finished successfully (Unix time; 0 = never)").baseUnit("seconds")
          .tag("job", job).register(registry);
      Gauge.builder("dirsync.last.run.timestamp", lastRun, v -> v.get() / 1000.0)
          .description("When the job last finished, whatever the outcome (Unix time; 0 = never)").baseUnit("seconds")
          .tag("job", job).register(registry);
      Gauge.builder("dirsync.last.run.exit.code", lastExitCode, AtomicLong::get)
          .description("Exit code of the job's last run: 0 ok, 1 some operations failed, 2 config, 3 safety guard, 4 unreachable; -1 none yet")
          .tag("job", job).register(registry);
      Gauge.builder("dirsync.source.users", sourceUsers, AtomicLong::get)
          .description("Users the source returned in the job's last run").tag("job", job).register(registry);
    }
  }
}
