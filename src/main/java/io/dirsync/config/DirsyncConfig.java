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
 */
public record DirsyncConfig(Path file, StateConfig state, Path reportsDir, HttpConfig http, List<JobConfig> jobs) {
  public DirsyncConfig {
    jobs = List.copyOf(jobs);
  }

  /** The job with this name, or the first job when name is null. */
  public Optional<JobConfig> job(String name) {
    if (name == null) return jobs.stream().findFirst();
    return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
  }
}
