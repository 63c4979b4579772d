package io.dirsync.ops;

import io.dirsync.model.Failure;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Run reports for the ops tests. */
final class Reports {
  private Reports() {}

  static RunReport report(String runId, String job, RunOutcome outcome, Instant startedAt, Duration took) {
    List<Failure> failures = outcome == RunOutcome.PARTIAL_FAILURE
        ? List.of(new Failure(OperationKind.UPDATE_USER, "bob", "email rejected")) : List.of();
    return new RunReport(runId, job, false, startedAt, startedAt.plus(took), outcome,
        outcome == RunOutcome.SUCCESS ? null : "1 operation failed", 300, 290,
        Map.of(OperationKind.CREATE_USER, Map.of(OperationOutcome.APPLIED, 7),
            OperationKind.UPDATE_USER, Map.of(OperationOutcome.APPLIED, 3, OperationOutcome.FAILED, failures.size())),
        List.of(), failures, Map.of("findUsersByExternalIds", 4L, "createUser", 7L), Map.of());
  }
}
