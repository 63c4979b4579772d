package io.dirsync.app;

import io.dirsync.sync.SyncListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long runs: a self-overwriting line on a terminal, otherwise a log line every few
 * seconds (logger {@code io.dirsync.progress}), so in JSON mode progress is JSON like every other
 * line and carries the run's job and run id. Quiet for short runs.
 */
final class ProgressPrinter implements SyncListener {
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  private final PrintStream out;
  private final Clock clock;
  private final boolean terminal;
  private String stage = "";
  private Instant lastPrinted;
  private boolean lineOpen;

  private static final Logger log = LoggerFactory.getLogger("io.dirsync.progress");

  ProgressPrinter(PrintStream out, Clock clock) {
    this(out, clock, System.console() != null);
  }

  ProgressPrinter(PrintStream out, Clock clock, boolean terminal) {
    this.out = out;
    this.clock = clock;
    this.terminal = terminal;
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
      log.atInfo().addKeyValue("stage", stage).addKeyValue("done", done).addKeyValue("total", total).log("progress {}", text);
    }
  }

  /** Ends a progress line left open on the terminal, so what is printed next starts on its own line. */
  synchronized void finish() {
    if (lineOpen) out.println();
    lineOpen = false;
  }
}
