package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final long MS = 1_000_000;

  @Test
  void theLimitFollowsRateTimesMeasuredLatencyWithHeadroom() {
    Concurrency c = new Concurrency(4, 200);
    assertThat(c.limit()).isEqualTo(4);
    for (int i = 0; i < 50; i++) c.observe(50 * MS);
    assertThat(c.limit()).isEqualTo(16); // 200/s × 0.05 s = 10 in flight, × 1.5 + 1
    assertThat(c.threads()).isEqualTo(Concurrency.CEILING);
  }

  @Test
  void theLimitNeverFallsBelowTheConfiguredConcurrencyNorRisesAboveTheCeiling() {
    Concurrency c = new Concurrency(8, 200);
    for (int i = 0; i < 50; i++) c.observe(MS);
    assertThat(c.limit()).isEqualTo(8);
    for (int i = 0; i < 200; i++) c.observe(2000 * MS);
    assertThat(c.limit()).isEqualTo(Concurrency.CEILING);
  }

  @Test
  void withoutARateLimitTheConfiguredConcurrencyIsUsedAsIs() {
    Concurrency c = new Concurrency(4, 0);
    for (int i = 0; i < 50; i++) c.observe(500 * MS);
    assertThat(c.limit()).isEqualTo(4);
    assertThat(c.threads()).isEqualTo(4);
  }

  @Test
  void anOperationBeyondTheLimitWaitsUntilOneFinishes() throws Exception {
    Concurrency c = new Concurrency(1, 0);
    c.acquire();
    CountDownLatch second = new CountDownLatch(1);
    Thread waiting = new Thread(() -> {
      try {
        c.acquire();
        second.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiting.start();
    assertThat(second.await(200, TimeUnit.MILLISECONDS)).isFalse();
    c.release();
    assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    waiting.join(10_000);
  }
}
