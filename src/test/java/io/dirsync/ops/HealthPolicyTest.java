package io.dirsync.ops;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {
  private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
  private static final HealthPolicy.WatchedJob NIGHTLY = new HealthPolicy.WatchedJob("nightly", "0 0 2 * * ?", ZoneOffset.UTC);

  private final TestClock clock = new TestClock(START);
  private final HealthPolicy policy = new HealthPolicy(List.of(NIGHTLY), clock);

  private static RunSummary run(String id, RunOutcome outcome, Instant finished) {
    return new RunSummary(id, "nightly", false, finished.minusSeconds(60), finished, outcome, 3, 0, 10, outcome == RunOutcome.SUCCESS ? null : "3 operations failed");
  }

  @Test
  void aJobThatHasNotRunYetIsHealthyWithinTwiceItsPeriod() {
    clock.advance(Duration.ofHours(47));
    Health h = policy.evaluate(List.of());

    assertThat(h.healthy()).isTrue();
    assertThat(h.jobs().get(0).status()).isEqualTo(JobHealth.Status.WAITING);
    assertThat(h.jobs().get(0).expectedEvery()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void aJobThatNeverSucceededWithinTwiceItsPeriodIsStale() {
    clock.advance(Duration.ofHours(49));
    Health h = policy.evaluate(List.of());

    assertThat(h.healthy()).isFalse();
    assertThat(h.reasons()).containsExactly(
        "job nightly: no successful run since the scheduler started at 2026-11-20T12:00:00Z (expected every 1 d)");
  }

  @Test
  void aJobWhoseLastRunSucceededRecentlyIsHealthy() {
    clock.set(Instant.parse("2026-11-21T09:00:00Z"));
    Health h = policy.evaluate(List.of(run("r1", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:03:00Z"))));

    assertThat(h.healthy()).isTrue();
    assertThat(h.jobs().get(0).status()).isEqualTo(JobHealth.Status.OK);
    assertThat(h.jobs().get(0).successDeadline()).isEqualTo(Instant.parse("2026-11-23T02:03:00Z"));
  }

  @Test
  void aJobWhoseLastRunFailedIsUnhealthyWithTheExitCodeAndTime() {
    clock.set(Instant.parse("2026-11-22T09:00:00Z"));
    Health h = policy.evaluate(List.of(
        run("r1", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:03:00Z")),
        run("r2", RunOutcome.PARTIAL_FAILURE, Instant.parse("2026-11-22T02:04:00Z"))));

    assertThat(h.healthy()).isFalse();
    assertThat(h.jobs().get(0).status()).isEqualTo(JobHealth.Status.FAILING);
    assertThat(h.reasons()).containsExactly(
        "job nightly: last run failed (exit 1, partial failure) at 2026-11-22T02:04:00Z: 3 operations failed");
  }

  @Test
  void aSuccessAfterAFailureMakesTheJobHealthyAgain() {
    clock.set(Instant.parse("2026-11-22T09:00:00Z"));
    Health h = policy.evaluate(List.of(
        run("r1", RunOutcome.UNREACHABLE, Instant.parse("2026-11-22T02:04:00Z")),
        run("r2", RunOutcome.SUCCESS, Instant.parse("2026-11-22T08:00:00Z"))));

    assertThat(h.healthy()).isTrue();
  }

  @Test
  void aSuccessOlderThanTwicePeriodIsStaleEvenWithoutAFailure() {
    clock.set(Instant.parse("2026-11-24T03:00:00Z"));
    Health h = policy.evaluate(List.of(run("r1", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:03:00Z"))));

    assertThat(h.reasons()).containsExactly("job nightly: no successful run since 2026-11-21T02:03:00Z (expected every 1 d)");
  }

  @Test
  void dryRunsAndOtherJobsDoNotCount() {
    clock.set(Instant.parse("2026-11-22T09:00:00Z"));
    RunSummary failedDryRun = new RunSummary("d", "nightly", true, Instant.parse("2026-11-22T08:00:00Z"),
        Instant.parse("2026-11-22T08:01:00Z"), RunOutcome.STOPPED_BY_GUARD, 0, 0, 0, "guard");
    RunSummary otherJob = new RunSummary("o", "hourly", false, Instant.parse("2026-11-22T08:00:00Z"),
        Instant.parse("2026-11-22T08:01:00Z"), RunOutcome.PARTIAL_FAILURE, 0, 1, 0, null);
    Health h = policy.evaluate(List.of(run("r1", RunOutcome.SUCCESS, Instant.parse("2026-11-22T02:03:00Z")), failedDryRun, otherJob));

    assertThat(h.healthy()).isTrue();
  }

  @Test
  void thePeriodIsTheLongestGapBetweenFirings() {
    var weekdays = new HealthPolicy.WatchedJob("weekdays", "0 0 2 ? * MON-FRI", ZoneId.of("Europe/Berlin"));
    var everyFiveMinutes = new HealthPolicy.WatchedJob("often", "0 */5 * * * ?", ZoneOffset.UTC);

    assertThat(HealthPolicy.period(weekdays, START)).contains(Duration.ofDays(3));
    assertThat(HealthPolicy.period(everyFiveMinutes, START)).contains(Duration.ofMinutes(5));
    assertThat(HealthPolicy.period(new HealthPolicy.WatchedJob("manual", null, null), START)).isEmpty();
  }

}
