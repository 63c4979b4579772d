package io.dirsync.ops;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunSummary;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Decides whether scheduled jobs are healthy from their run history: every job's last finished
 * run succeeded, and its last success is recent — within {@code graceFactor} × the job's period,
 * the longest gap between its next cron firings (2 × 24 h for a nightly job). A job that never ran
 * is given the same grace from when this policy was created (the process start). Dry runs do not
 * count. Pure: no I/O; time comes from the clock. Thread-safe.
 */
public final class HealthPolicy {
  private static final int FIRINGS_SAMPLED = 12;

  /** A job to watch: its name and the Quartz cron expression it runs on (null: on demand, never stale). */
  public record WatchedJob(String name, String cron, ZoneId zone) {
    public WatchedJob {
      Objects.requireNonNull(name, "name");
      zone = zone == null ? ZoneId.of("UTC") : zone;
    }
  }

  private final List<WatchedJob> jobs;
  private final Clock clock;
  private final int graceFactor;
  private final Instant watchingSince;

  public HealthPolicy(List<WatchedJob> jobs, Clock clock) {
    this(jobs, clock, 2);
  }

  public HealthPolicy(List<WatchedJob> jobs, Clock clock, int graceFactor) {
    if (graceFactor < 1) throw new IllegalArgumentException("graceFactor must be at least 1, got " + graceFactor);
    this.jobs = List.copyOf(jobs);
    this.clock = clock;
    this.graceFactor = graceFactor;
    this.watchingSince = clock.instant();
  }

  /** Health of every watched job, given recent runs of any job (any order). */
  public Health evaluate(List<RunSummary> recentRuns) {
    Instant now = clock.instant();
    List<JobHealth> out = new ArrayList<>();
    for (WatchedJob job : jobs) out.add(evaluate(job, recentRuns, now));
    return new Health(now, out);
  }

  private JobHealth evaluate(WatchedJob job, List<RunSummary> runs, Instant now) {
    List<RunSummary> mine = runs.stream()
        .filter(r -> job.name().equals(r.job()) && !r.dryRun())
        .sorted((a, b) -> b.startedAt().compareTo(a.startedAt()))
        .toList();
    boolean running = mine.stream().anyMatch(r -> r.finishedAt() == null);
    Optional<RunSummary> lastFinished = mine.stream().filter(r -> r.finishedAt() != null && r.outcome() != null).findFirst();
    Optional<RunSummary> lastSuccess = mine.stream().filter(r -> r.outcome() == RunOutcome.SUCCESS && r.finishedAt() != null).findFirst();
    Duration period = period(job, now).orElse(null);
    Instant successAt = lastSuccess.map(RunSummary::finishedAt).orElse(null);
    Instant deadline = period == null ? null : (successAt == null ? watchingSince : successAt).plus(period.multipliedBy(graceFactor));

    if (lastFinished.isPresent() && lastFinished.get().outcome() != RunOutcome.SUCCESS) {
      RunSummary r = lastFinished.get();
      String reason = String.format(Locale.ROOT, "job %s: last run failed (exit %d, %s) at %s", job.name(),
          r.outcome().exitCode(), r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.finishedAt())
          + (r.message() == null || r.message().isBlank() ? "" : ": " + r.message());
      return new JobHealth(job.name(), JobHealth.Status.FAILING, reason, r, successAt, period, deadline, running);
    }
    if (deadline != null && now.isAfter(deadline)) {
      String reason = successAt != null
          ? "job " + job.name() + ": no successful run since " + successAt + " (expected every " + human(period) + ")"
          : "job " + job.name() + ": no successful run since the scheduler started at " + watchingSince
              + " (expected every " + human(period) + ")";
      return new JobHealth(job.name(), JobHealth.Status.STALE, reason, lastFinished.orElse(null), successAt, period, deadline, running);
    }
    JobHealth.Status status = lastFinished.isPresent() ? JobHealth.Status.OK : JobHealth.Status.WAITING;
    return new JobHealth(job.name(), status, null, lastFinished.orElse(null), successAt, period, deadline, running);
  }

  /** The longest gap between the job's next firings after {@code from}, or empty for on-demand jobs. */
  static Optional<Duration> period(WatchedJob job, Instant from) {
    if (job.cron() == null || job.cron().isBlank()) return Optional.empty();
    CronExpression cron;
    try {
      cron = new CronExpression(job.cron());
    } catch (ParseException e) {
      throw new IllegalArgumentException("job " + job.name() + ": \"" + job.cron() + "\" is not a valid Quartz cron expression", e);
    }
    cron.setTimeZone(TimeZone.getTimeZone(job.zone()));
    Date previous = cron.getNextValidTimeAfter(Date.from(from));
    Duration longest = null;
    for (int i = 0; i < FIRINGS_SAMPLED && previous != null; i++) {
      Date next = cron.getNextValidTimeAfter(previous);
      if (next == null) break;
      Duration gap = Duration.between(previous.toInstant(), next.toInstant());
      if (longest == null || gap.compareTo(longest) > 0) longest = gap;
      previous = next;
    }
    return Optional.ofNullable(longest);
  }

  private static String human(Duration d) {
    if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) return d.toDays() + " d";
    if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) return d.toHours() + " h";
    if (d.toMinutes() > 0 && d.toSecondsPart() == 0) return d.toMinutes() + " min";
    return d.toSeconds() + " s";
  }
}
