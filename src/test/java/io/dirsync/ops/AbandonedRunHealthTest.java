package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunSummary;
import io.dirsync.testing.TestClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run whose process died is not "running" forever: once marked abandoned, /health says so. */
class AbandonedRunHealthTest {
  @Test
  void anAbandonedLastRunMakesTheJobFailingWithTheReasonNamed() {
    TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    HealthPolicy policy = new HealthPolicy(List.of(new HealthPolicy.WatchedJob("nightly", "0 0 2 * * ?", ZoneId.of("UTC"))), clock);
    RunSummary ok = new RunSummary("r1", "nightly", false, Instant.parse("2026-11-30T02:00:00Z"),
        Instant.parse("2026-11-30T02:01:00Z"), RunOutcome.SUCCESS, 1, 0, 3, null);
    RunSummary dead = new RunSummary("r2", "nightly", false, Instant.parse("2026-12-01T02:00:00Z"),
        Instant.parse("2026-12-01T09:00:00Z"), RunOutcome.ABANDONED, 0, 0, 0,
        "abandoned: its process ended without recording the run (killed or crashed)");

    Health health = policy.evaluate(List.of(ok, dead));

    JobHealth job = health.jobs().get(0);
    assertThat(job.status()).isEqualTo(JobHealth.Status.FAILING);
    assertThat(job.reason()).contains("abandoned");
    assertThat(job.running()).isFalse();
  }
}
