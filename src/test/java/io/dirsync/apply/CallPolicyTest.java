package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallPolicyTest {

  private static ApplySettings settings(double jitter, long seed) {
    return new ApplySettings(1, 0, 4, Duration.ofMillis(100), Duration.ofMillis(1000), jitter, seed);
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    CallPolicy policy = new CallPolicy("t", settings(0, 1));

    assertThat(new long[] {policy.backoffMillis(1, null), policy.backoffMillis(2, null), policy.backoffMillis(4, null), policy.backoffMillis(9, null)})
        .containsExactly(100, 200, 800, 1000);
  }

  @Test
  void jitterStaysWithinItsShareAndRepeatsWithTheSameSeed() {
    CallPolicy a = new CallPolicy("a", settings(0.5, 9));
    CallPolicy b = new CallPolicy("b", settings(0.5, 9));

    for (int attempt = 1; attempt <= 3; attempt++) {
      long wait = a.backoffMillis(attempt, null);
      assertThat(wait).isEqualTo(b.backoffMillis(attempt, null));
      long base = 100L << (attempt - 1);
      assertThat(wait).isBetween(base / 2, base * 3 / 2);
    }
  }

  @Test
  void aServersRetryAfterIsHonoured() {
    CallPolicy policy = new CallPolicy("t", settings(0, 1));
    DirectoryException tooMany = new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 429, 5000, "slow down", null);

    assertThat(policy.backoffMillis(1, tooMany)).isEqualTo(5000);
  }

  @Test
  void transientErrorsAreRetriedUntilTheCallSucceeds() {
    CallPolicy policy = new CallPolicy("t", new ApplySettings(1, 0, 4, Duration.ofMillis(1), Duration.ofMillis(2), 0, 1));
    AtomicInteger calls = new AtomicInteger();

    String answer = policy.call(() -> {
      if (calls.incrementAndGet() < 3) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 503, "busy", null);
      return "ok";
    });

    assertThat(answer).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void permanentAndFatalErrorsAreNotRetried() {
    CallPolicy policy = new CallPolicy("t", new ApplySettings(1, 0, 4, Duration.ofMillis(1), Duration.ofMillis(2), 0, 1));
    for (DirectoryException.Kind kind : new DirectoryException.Kind[] {DirectoryException.Kind.PERMANENT, DirectoryException.Kind.FATAL}) {
      AtomicInteger calls = new AtomicInteger();

      assertThatThrownBy(() -> policy.call(() -> {
        calls.incrementAndGet();
        throw new DirectoryException(kind, 2004, 200, "no", null);
      })).isInstanceOf(DirectoryException.class);

      assertThat(calls).hasValue(1);
    }
  }

  @Test
  void settingsRejectBadValuesNamingTheField() {
    assertThatThrownBy(() -> new ApplySettings(0, 0, 1, Duration.ofMillis(1), Duration.ofMillis(1), 0, 1)).hasMessageContaining("concurrency");
    assertThatThrownBy(() -> new ApplySettings(1, -1, 1, Duration.ofMillis(1), Duration.ofMillis(1), 0, 1)).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> new ApplySettings(1, 0, 0, Duration.ofMillis(1), Duration.ofMillis(1), 0, 1)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new ApplySettings(1, 0, 1, Duration.ZERO, Duration.ofMillis(1), 0, 1)).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> new ApplySettings(1, 0, 1, Duration.ofMillis(5), Duration.ofMillis(1), 0, 1)).hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> new ApplySettings(1, 0, 1, Duration.ofMillis(1), Duration.ofMillis(1), 2, 1)).hasMessageContaining("jitter");
  }
}
