package io.dirsync.app;

import io.dirsync.model.RunReport;

/** A run that failed before it could start its work, already recorded in the state store with this report. */
final class RecordedRunFailure extends RunFailure {
  private final transient RunReport report;

  RecordedRunFailure(RunReport report, RunFailure cause) {
    super(cause.outcome(), cause.getMessage(), cause.getCause());
    this.report = report;
  }

  RunReport report() {
    return report;
  }
}
