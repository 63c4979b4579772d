package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.Failure;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {
  private static final Instant T0 = Instant.parse("2026-11-22T02:00:00.123456Z");

  private static RunReport report(boolean dryRun, OperationOutcome outcome) {
    return new RunReport("r1", "nightly", dryRun, T0, T0.plusMillis(4200), RunOutcome.PARTIAL_FAILURE, "1 operation(s) failed",
        12, 9, Map.of(OperationKind.CREATE_USER, Map.of(outcome, 2), OperationKind.ADD_TO_GROUP, Map.of(outcome, 3)),
        List.of(new SkippedEntry("uid=bob,ou=People", "users.email", "\"bob@@x\" is not an email")),
        List.of(new Failure(OperationKind.UPDATE_USER, "E10007", "2028 provide a valid phone or email")),
        Map.of("userBatch", 1L, "createUser", 2L), Map.of());
  }

  @Test
  void theSummaryCountsAppliedChangesAndListsSkipsAndFailuresWithReasons() {
    String text = new SummaryPrinter().summary(report(false, OperationOutcome.APPLIED));

    assertThat(text).startsWith("dirsync sync · job nightly · 2026-11-22T02:00:00Z · 4.2 s");
    assertThat(text).containsPattern("created +2\\n").containsPattern("unchanged +9\\n").containsPattern("memberships changed +3\\n");
    assertThat(text).contains("uid=bob,ou=People: users.email: \"bob@@x\" is not an email");
    assertThat(text).contains("update_user E10007: 2028 provide a valid phone or email");
    assertThat(text).containsPattern("API calls +3 +\\(createUser 2, userBatch 1\\)");
    assertThat(text).contains("outcome: partial failure (exit 1) — 1 operation(s) failed");
  }

  @Test
  void aFailedOperationIsNamedByTheFirstRowThatKnowsItsUser() {
    RunReport r = report(false, OperationOutcome.APPLIED);
    List<io.dirsync.model.ReportedChange> rows = List.of(
        new io.dirsync.model.ReportedChange(OperationKind.CREATE_USER, "E10007", new io.dirsync.model.UserLabel("eve", null, null),
            null, null, OperationOutcome.APPLIED, null),
        new io.dirsync.model.ReportedChange(OperationKind.UPDATE_USER, "E10007", new io.dirsync.model.UserLabel(null, null, null),
            null, null, OperationOutcome.FAILED, "x"),
        new io.dirsync.model.ReportedChange(OperationKind.UPDATE_USER, "E10007",
            new io.dirsync.model.UserLabel("dan", "dan@example.org", null), null, null, OperationOutcome.FAILED, "x"));
    RunReport withRows = new RunReport(r.runId(), r.job(), false, r.startedAt(), r.finishedAt(), r.outcome(), r.message(),
        r.sourceUsers(), r.unchanged(), r.counts(), r.skipped(), r.failures(), r.apiCalls(), r.timings(), "sync", rows, Map.of());

    assertThat(new SummaryPrinter().summary(withRows))
        .contains("update_user E10007 (dan · dan@example.org): 2028 provide a valid phone or email");
  }

  @Test
  void aDryRunShowsWhatWouldBeApplied() {
    String text = new SummaryPrinter().summary(report(true, OperationOutcome.PLANNED));

    assertThat(text).startsWith("dirsync sync --dry-run");
    assertThat(text).containsPattern("created +2\\n");
  }
}
