package io.dirsync.model;

/** How a run ended; each maps to one exit code. */
public enum RunOutcome {
  SUCCESS(0),
  PARTIAL_FAILURE(1),
  CONFIG_ERROR(2),
  STOPPED_BY_GUARD(3),
  UNREACHABLE(4);

  private final int exitCode;

  RunOutcome(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
