package io.dirsync.app;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.state.StateStore;
import java.util.function.BooleanSupplier;

/**
 * A run cut short by a stop request (SIGTERM, SIGINT, the scheduler stopping) ends like a run the
 * directory refused — every call after the stop fails as fatal before it is sent — so it is told
 * apart here and recorded as {@link RunOutcome#STOPPED}.
 */
final class StopOutcome {
  private StopOutcome() {}

  static RunReport settle(RunReport report, BooleanSupplier stopRequested, StateStore state) {
    if (report.outcome() != RunOutcome.UNREACHABLE || !stopRequested.getAsBoolean()) return report;
    RunReport stopped = new RunReport(report.runId(), report.job(), report.dryRun(), report.startedAt(), report.finishedAt(),
        RunOutcome.STOPPED, "stopped on request after the call in flight; the next run resumes ("
            + report.message() + ")", report.sourceUsers(), report.unchanged(), report.counts(), report.skipped(),
        report.failures(), report.apiCalls(), report.timings());
    state.finishRun(stopped);
    return stopped;
  }
}
