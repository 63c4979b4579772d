package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What counts against an entry's time is the CPU its thread spent, not a pause of the whole JVM. */
class TimeLimitTest {
  private final long[] clock = {0};
  private final long[] cpu = {0};

  private TimeLimit limit(boolean cpuKnown) {
    return new TimeLimit(1000, () -> clock[0], cpuKnown ? () -> cpu[0] : null);
  }

  @Test
  void aPauseLongerThanTheBudgetDoesNotSkipTheEntry() {
    TimeLimit limit = limit(true);
    clock[0] += 5_000_000_000L; // a 5 s garbage-collection pause, or a machine too busy to run this thread
    cpu[0] += 200_000_000L;
    assertThatCode(limit::checkBetweenSteps).doesNotThrowAnyException();
  }

  @Test
  void spendingTheBudgetOnTheEntrySkipsIt() {
    TimeLimit limit = limit(true);
    clock[0] += 1_200_000_000L;
    cpu[0] += 1_100_000_000L;
    assertThatThrownBy(limit::checkBetweenSteps).isInstanceOf(MappingFailure.class)
        .hasMessageContaining("longer than the 1 s an entry may take");
  }

  @Test
  void withoutTheThreadsCpuTimeTheClockDecides() {
    TimeLimit limit = limit(false);
    clock[0] += 999_000_000L;
    assertThatCode(limit::checkBetweenSteps).doesNotThrowAnyException();
    clock[0] += 2_000_000L;
    assertThatThrownBy(limit::checkBetweenSteps).isInstanceOf(MappingFailure.class);
  }
}
