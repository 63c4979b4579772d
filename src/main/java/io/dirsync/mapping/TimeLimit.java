package io.dirsync.mapping;

import java.util.regex.Pattern;

/**
 * The time one entry's whole mapping may take (every rule, expression and transform of the entry,
 * and of each value of an attribute its groups or departments come from). It is checked before
 * every expression and transform ({@link #check(String)}), and while regular expressions run: a
 * pattern that backtracks catastrophically reads its input through {@link Bounded}, which fails the
 * entry once the deadline has passed instead of letting the run hang. Measured with
 * {@link System#nanoTime()}: a safety net, not part of what a mapping computes.
 */
final class TimeLimit {
  static final long DEFAULT_MILLIS = 1000;
  /** The rule a skipped entry is reported under; the message names the mapping rule that ran out of time. */
  static final String RULE = "time-limit";
  private static final int CHECK_EVERY = 4096;

  private final long deadlineNanos;
  private final long millis;

  private TimeLimit(long millis) {
    this.millis = millis;
    this.deadlineNanos = System.nanoTime() + millis * 1_000_000L;
  }

  static TimeLimit startingNow() {
    return new TimeLimit(DEFAULT_MILLIS);
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
    return System.nanoTime() - deadlineNanos > 0;
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
