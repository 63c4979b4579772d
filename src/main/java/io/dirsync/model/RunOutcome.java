package io.dirsync.model;

/** How a run ended; each maps to one exit code. */
public enum RunOutcome {
  SUCCESS(0),
  PARTIAL_FAILURE(1),
  CONFIG_ERROR(2),
  STOPPED_BY_GUARD(3),
  UNREACHABLE(4),
  /** Stopped by SIGTERM / SIGINT after the call in flight; the next run resumes. */
  STOPPED(4),
  /** Another run of the job holds its lock; this one did nothing (never recorded as a run). */
  ALREADY_RUNNING(5),
  /** The process running it died (kill -9, crash); marked by a later run or {@code dirsync runs}. Never an exit code of its own. */
  ABANDONED(4);

  private final int exitCode;

  RunOutcome(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
