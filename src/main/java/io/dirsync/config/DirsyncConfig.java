package io.dirsync.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration file.
 *
 * @param file where it was loaded from
 * @param state the state store
 * @param reportsDir where run reports are written
 * @param http the health/metrics endpoint of schedule mode
 * @param jobs the sync jobs; the first one is the default
 * @param notifications who is told about runs that fail (none by default)
 * @param metrics where one-shot runs leave their metrics (nowhere by default)
 */
public record DirsyncConfig(Path file, StateConfig state, Path reportsDir, HttpConfig http, List<JobConfig> jobs,
    NotificationConfig notifications, MetricsConfig metrics) {
  public DirsyncConfig {
    jobs = List.copyOf(jobs);
    notifications = notifications == null ? NotificationConfig.none() : notifications;
    metrics = metrics == null ? MetricsConfig.none() : metrics;
  }

  /** A config that notifies nobody and exports no metrics. */
  public DirsyncConfig(Path file, StateConfig state, Path reportsDir, HttpConfig http, List<JobConfig> jobs) {
    this(file, state, reportsDir, http, jobs, null, null);
  }

  /** The job with this name, or the first job when name is null. */
  public Optional<JobConfig> job(String name) {
    if (name == null) return jobs.stream().findFirst();
    return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
  }
}
