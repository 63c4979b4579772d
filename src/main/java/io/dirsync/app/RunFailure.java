package io.dirsync.app;

import io.dirsync.model.RunOutcome;

/** A command that could not run, with the outcome (and so the exit code) to report. */
public class RunFailure extends RuntimeException {
  private final RunOutcome outcome;

  public RunFailure(RunOutcome outcome, String message, Throwable cause) {
    super(message, cause);
    this.outcome = outcome;
  }

  public RunOutcome outcome() {
    return outcome;
  }
}
