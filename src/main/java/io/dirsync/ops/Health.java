package io.dirsync.ops;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The health of every watched job at one moment; healthy when none is failing or stale. */
public record Health(Instant checkedAt, List<JobHealth> jobs) {
  public Health {
    jobs = List.copyOf(jobs);
  }

  public boolean healthy() {
    return jobs.stream().allMatch(JobHealth::healthy);
  }

  /** Why it is unhealthy, one line per job; empty when healthy. */
  public List<String> reasons() {
    return jobs.stream().map(JobHealth::reason).filter(Objects::nonNull).toList();
  }
}
