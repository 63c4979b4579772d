package io.dirsync.mapping;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The time one entry's whole mapping may take (every rule, expression and transform of the entry,
 * and of each value of an attribute its groups or departments come from). It is checked before
 * every expression and transform ({@link #check(String)}), and while regular expressions run: a
 * pattern that backtracks catastrophically reads its input through {@link Bounded}, which fails the
 * entry once the deadline has passed instead of letting the run hang. What counts is the CPU time
 * the mapping thread spent on the entry, not the time on the clock: a garbage-collection pause or
 * a busy machine that kept the thread waiting must not skip a user (a skipped user is not
 * created or updated). The clock ({@link System#nanoTime()}, cheap) is checked first; only once
 * it has passed the budget is the thread's CPU time asked for. One TimeLimit per entry, used on
 * the thread that maps the entry. A safety net, not part of what a mapping computes.
 */
final class TimeLimit {
  static final long DEFAULT_MILLIS = 1000;
  /** The rule a skipped entry is reported under; the message names the mapping rule that ran out of time. */
  static final String RULE = "time-limit";
  private static final int CHECK_EVERY = 4096;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

  private final long millis;
  private final LongSupplier clock;
  private final LongSupplier threadCpu;
  private final long deadlineNanos;
  /** The thread's CPU time when the entry started, or -1 when the JVM cannot tell (then the clock decides). */
  private final long cpuStartNanos;

  /**
   * @param clock nanoseconds on a monotonic clock
   * @param threadCpu the CPU nanoseconds the current thread has used, or null when unknown
   */
  TimeLimit(long millis, LongSupplier clock, LongSupplier threadCpu) {
    this.millis = millis;
    this.clock = clock;
    this.threadCpu = threadCpu;
    this.deadlineNanos = clock.getAsLong() + millis * 1_000_000L;
    this.cpuStartNanos = threadCpu == null ? -1 : threadCpu.getAsLong();
  }

  static TimeLimit startingNow() {
    return new TimeLimit(DEFAULT_MILLIS, System::nanoTime, CPU_TIME ? THREADS::getCurrentThreadCpuTime : null);
  }

  /** Called while a regular expression runs. */
  void check() {
    if (expired()) throw new MappingFailure(RULE, "a regular expression ran longer than the " + budget() + " an entry may take; the entry is skipped");
  }

  /** Called before each rule, expression and transform of the entry is evaluated. */
  void checkBetweenSteps() {
    if (expired()) throw new MappingFailure(RULE, "mapping the entry took longer than the " + budget() + " an entry may take; the entry is skipped");
  }

  private boolean expired() {
    if (clock.getAsLong() - deadlineNanos <= 0) return false;
    return cpuStartNanos < 0 || threadCpu.getAsLong() - cpuStartNanos > millis * 1_000_000L;
  }

  private String budget() {
    return millis >= 1000 ? millis / 1000 + " s" : millis + " ms";
  }

  boolean matches(Pattern pattern, CharSequence text) {
    return pattern.matcher(bounded(text)).matches();
  }

  CharSequence bounded(CharSequence text) {
    return new Bounded(text, this);
  }

  /** A text that checks the deadline every few thousand characters the regex engine reads. */
  private static final class Bounded implements CharSequence {
    private final CharSequence text;
    private final TimeLimit limit;
    private int reads;

    Bounded(CharSequence text, TimeLimit limit) {
      this.text = text;
      this.limit = limit;
    }

    @Override
    public char charAt(int index) {
      if (++reads >= CHECK_EVERY) {
        reads = 0;
        limit.check();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Bounded(text.subSequence(start, end), limit);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
