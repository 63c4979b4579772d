package io.dirsync.mapping;

import java.util.regex.Pattern;

/**
 * The time one entry's mapping may take, checked while regular expressions run: a pattern that
 * backtracks catastrophically reads its input through {@link Bounded}, which fails the entry once
 * the deadline has passed instead of letting the run hang. Measured with {@link System#nanoTime()}:
 * a safety net, not part of what a mapping computes.
 */
final class TimeLimit {
  static final long DEFAULT_MILLIS = 1000;
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

  void check() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new MappingFailure("time-limit", "a regular expression ran longer than the " + (millis >= 1000 ? millis / 1000 + " s" : millis + " ms")
          + " an entry may take; the entry is skipped");
    }
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
