package io.dirsync.schedule;

import io.dirsync.config.JobConfig;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.quartz.CronExpression;

/**
 * A job to run on a Quartz cron expression, e.g. {@code 0 0 2 * * ?} (every day at 02:00) in a time zone.
 */
public record ScheduledJob(String name, String cron, ZoneId zone) {

  public ScheduledJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cron, "cron");
    zone = zone == null ? ZoneId.of("UTC") : zone;
    if (!CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException("job " + name + ": \"" + cron + "\" is not a valid Quartz cron expression");
    }
  }

  /** The configured jobs that have a schedule; jobs without one run on demand only. */
  public static List<ScheduledJob> from(List<JobConfig> jobs) {
    return jobs.stream()
        .filter(j -> j.schedule() != null && !j.schedule().isBlank())
        .map(j -> new ScheduledJob(j.name(), j.schedule(), j.timeZone()))
        .toList();
  }
}
