package io.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunSummary;
import io.dirsync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job lock on H2 (two stores on one in-memory database stand for two processes); the same
 * class runs on PostgreSQL in {@link PostgresJobLocksTest}. Real processes: cli.StopAndLockProcessTest.
 */
class JobLocksTest {
  final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
  final String job = "job-" + UUID.randomUUID();
  JdbcStateStore one;
  JdbcStateStore two;

  JdbcStateStore open() {
    return StateStores.open("jdbc:h2:mem:locks", null, null, null);
  }

  @AfterEach
  void close() {
    if (one != null) one.close();
    if (two != null) two.close();
  }

  private JobLocks locks(JdbcStateStore store, JobLocks.Identity who) {
    return new JobLocks(new Sql(store.dataSource(), "test"), clock, Duration.ofMinutes(2), who);
  }

  private static final JobLocks.Identity HERE = JobLocks.Identity.current();
  private static final JobLocks.Identity ELSEWHERE = new JobLocks.Identity("other-host", 4242, "x");

  @Test
  void aSecondHolderIsRefusedUntilTheFirstReleases() {
    one = open();
    two = open();
    JobLocks.Result first = locks(one, ELSEWHERE).tryLock(job);
    assertThat(first.lock()).isPresent();

    JobLocks.Result second = locks(two, HERE).tryLock(job);
    assertThat(second.lock()).isEmpty();
    assertThat(second.holder().describe()).contains("job " + job + " is already running").contains("pid 4242 on other-host");

    first.lock().get().close();
    JobLocks.Result third = locks(two, HERE).tryLock(job);
    assertThat(third.lock()).isPresent();
    assertThat(third.tookOverStale()).isFalse();
    third.lock().get().close();
  }

  @Test
  void aLockWhoseLeasePassedIsTakenOver() {
    one = open();
    two = open();
    assertThat(locks(one, ELSEWHERE).tryLock(job).lock()).isPresent();
    clock.advance(Duration.ofMinutes(3));

    JobLocks.Result taken = locks(two, HERE).tryLock(job);

    assertThat(taken.lock()).isPresent();
    assertThat(taken.tookOverStale()).isTrue();
    taken.lock().get().close();
  }

  @Test
  void aLockHeldByADeadProcessOnThisHostIsTakenOverAtOnce() throws Exception {
    one = open();
    two = open();
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    JobLocks.Identity gone = new JobLocks.Identity(HERE.host(), dead.pid(), "");
    assertThat(locks(one, gone).tryLock(job).lock()).isPresent();

    JobLocks.Result taken = locks(two, HERE).tryLock(job);

    assertThat(taken.lock()).isPresent();
    assertThat(taken.tookOverStale()).isTrue();
    taken.lock().get().close();
  }

  @Test
  void unfinishedRunsOfTheJobAreMarkedAbandonedAndOthersAreLeftAlone() {
    one = open();
    String dead = one.startRun(job, false, Instant.parse("2026-12-01T09:00:00Z"));
    String otherJob = one.startRun(job + "-other", false, Instant.parse("2026-12-01T09:00:00Z"));

    assertThat(one.markAbandoned(job, null, clock.instant(), "abandoned: gone")).containsExactly(dead);

    RunSummary marked = one.recentRuns(50).stream().filter(r -> r.runId().equals(dead)).findFirst().orElseThrow();
    assertThat(marked.outcome()).isEqualTo(RunOutcome.ABANDONED);
    assertThat(marked.finishedAt()).isEqualTo(clock.instant());
    assertThat(marked.message()).isEqualTo("abandoned: gone");
    assertThat(one.recentRuns(50).stream().filter(r -> r.runId().equals(otherJob)).findFirst().orElseThrow().finishedAt()).isNull();
  }
}
