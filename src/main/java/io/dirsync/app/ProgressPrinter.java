package io.dirsync.app;

import io.dirsync.sync.SyncListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress of long runs: a self-overwriting line on a terminal, a log-style line every few
 * seconds otherwise (containers). Quiet for short runs.
 */
final class ProgressPrinter implements SyncListener {
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  private final PrintStream out;
  private final Clock clock;
  private final boolean terminal;
  private String stage = "";
  private Instant lastPrinted;
  private boolean lineOpen;

  ProgressPrinter(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
    this.terminal = System.console() != null;
    this.lastPrinted = clock.instant();
  }

  @Override
  public synchronized void stage(String name) {
    stage = name;
  }

  @Override
  public synchronized void progress(long done, long total) {
    Instant now = clock.instant();
    if (Duration.between(lastPrinted, now).compareTo(INTERVAL) < 0) return;
    lastPrinted = now;
    String text = total > 0 ? String.format("%s: %d/%d (%d%%)", stage, done, total, done * 100 / total) : stage + ": " + done;
    if (terminal) {
      out.print("\r" + text + "   ");
      lineOpen = true;
    } else {
      out.println("progress " + text);
    }
  }

  /** Ends a progress line left open on the terminal, so what is printed next starts on its own line. */
  synchronized void finish() {
    if (lineOpen) out.println();
    lineOpen = false;
  }
}
