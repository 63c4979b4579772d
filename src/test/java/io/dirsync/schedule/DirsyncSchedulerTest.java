package io.dirsync.schedule;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirsyncSchedulerTest {
  private static final String EVERY_SECOND = "* * * * * ?";
  private final List<DirsyncScheduler> started = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopSchedulers() {
    started.forEach(DirsyncScheduler::stop);
  }

  private DirsyncScheduler scheduler(String cron, JobRunner runner, Clock clock) {
    DirsyncScheduler s = new DirsyncScheduler(List.of(new ScheduledJob("nightly", cron, ZoneId.of("Europe/Berlin"))),
        runner, QuartzSettings.inMemory(), clock);
    started.add(s);
    return s;
  }

  @Test
  void aJobOnAnEverySecondCronExpressionCallsItsRunner() throws Exception {
    CountDownLatch called = new CountDownLatch(1);
    List<JobFiring> firings = new CopyOnWriteArrayList<>();
    scheduler(EVERY_SECOND, (firing, stop) -> {
      firings.add(firing);
      called.countDown();
      return null;
    }, Clock.systemUTC()).start();

    assertThat(called.await(10, SECONDS)).as("runner called within 10 s").isTrue();
    assertThat(firings.get(0).job()).isEqualTo("nightly");
    assertThat(firings.get(0).instanceId()).isEqualTo("local");
  }

  @Test
  void aFiringDueWhileTheJobStillRunsDoesNotOverlapIt() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    CountDownLatch threeRunsDone = new CountDownLatch(3);
    CountDownLatch never = new CountDownLatch(1);
    List<Instant> due = new CopyOnWriteArrayList<>();
    scheduler(EVERY_SECOND, (firing, stop) -> {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      due.add(firing.scheduledAt());
      try {
        // Each run outlasts the one-second period, so the next firing falls due while it runs.
        never.await(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      threeRunsDone.countDown();
      return null;
    }, Clock.systemUTC()).start();

    assertThat(threeRunsDone.await(20, SECONDS)).as("three runs within 20 s").isTrue();
    assertThat(maxRunning.get()).isEqualTo(1);
    assertThat(due).doesNotHaveDuplicates();
  }

  @Test
  void aFiringMissedWhileTheSchedulerWasDownRunsOnceWhenItStarts() throws Exception {
    // The trigger starts three hours ago: its hourly firings since then were all missed.
    Clock threeHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch called = new CountDownLatch(1);
    DirsyncScheduler s = scheduler("0 0 * * * ?", (firing, stop) -> {
      runs.incrementAndGet();
      called.countDown();
      return null;
    }, threeHoursAgo);
    s.start();

    assertThat(called.await(10, SECONDS)).isTrue();
    Instant afterRun = Instant.now();
    assertThat(s.nextFireTime("nightly")).hasValueSatisfying(next -> assertThat(next).isAfter(afterRun));
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void stopAsksTheRunningJobToStopAndWaitsUntilItReturns() throws Exception {
    CountDownLatch runnerStarted = new CountDownLatch(1);
    AtomicBoolean sawStop = new AtomicBoolean();
    AtomicBoolean returned = new AtomicBoolean();
    DirsyncScheduler s = scheduler(EVERY_SECOND, (firing, stop) -> {
      runnerStarted.countDown();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!stop.stopRequested() && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // one "operation"
      }
      sawStop.set(stop.stopRequested());
      returned.set(true);
      return null;
    }, Clock.systemUTC());
    s.start();
    assertThat(runnerStarted.await(10, SECONDS)).isTrue();
    assertThat(s.stopSignal().stopRequested()).isFalse();

    s.stop();

    assertThat(sawStop).isTrue();
    assertThat(returned).as("stop() returned only after the job did").isTrue();
    assertThat(s.stopSignal().stopRequested()).isTrue();
  }

  @Test
  void aJobRunsOnItsCronExpressionInItsTimeZone() {
    DirsyncScheduler s = new DirsyncScheduler(List.of(new ScheduledJob("nightly", "0 0 2 * * ?", ZoneId.of("Asia/Shanghai"))),
        (f, stop) -> null, QuartzSettings.inMemory(), Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
    started.add(s);
    s.prepare();

    // 02:00 in Shanghai is 18:00 UTC the day before.
    assertThat(s.nextFireTime("nightly")).isPresent();
    assertThat(s.nextFireTime("nightly").get().atZone(ZoneOffset.UTC).getHour()).isEqualTo(18);
  }

  @Test
  void anInvalidCronExpressionIsRefusedNamingTheJob() {
    assertThatThrownBy(() -> new ScheduledJob("nightly", "0 0 25 * * ?", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job nightly")
        .hasMessageContaining("0 0 25 * * ?");
  }
}
