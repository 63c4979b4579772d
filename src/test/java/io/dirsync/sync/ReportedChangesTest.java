package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.FieldChange;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.model.ReportedChange;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportedChangesTest {
  private static final ExternalId ANN = ExternalId.of("e1");
  private static final ExternalId BOB = ExternalId.of("e2");

  private static Plan plan() {
    return new Plan("job", Instant.EPOCH, List.of(
        new Operation.CreateUser(DesiredUser.of(ANN, Map.of("username", "ann", "password", "secret"))),
        new Operation.UpdateUser(BOB, "u2", List.of(new FieldChange("email", "b@x.io", "bob@x.io"))),
        new Operation.AddToGroup("staff", List.of(ANN, BOB))), 2, 0, 1, List.of(), List.of(),
        Map.of(ANN, new UserLabel("ann", null, "uid=ann"), BOB, new UserLabel("bob", null, null)));
  }

  @Test
  void rowsSayWhatBecameOfEachOperationAndAreMadeAnewEqualOnEachRead() {
    ReportedChanges changes = ReportedChanges.of(plan(), false, true,
        List.of(new Failure(OperationKind.UPDATE_USER, "e2", "409 conflict")),
        List.of(new SkippedEntry("staff", "apply add_to_group", "group is gone")));

    List<ReportedChange> rows = changes.rows();
    assertThat(rows).extracting(ReportedChange::outcome)
        .containsExactly(OperationOutcome.APPLIED, OperationOutcome.FAILED, OperationOutcome.SKIPPED);
    assertThat(rows).extracting(ReportedChange::reason).containsExactly(null, "409 conflict", "group is gone");
    assertThat(rows.get(0).changes()).containsExactly(new FieldChange("password", null, "****"), new FieldChange("username", null, "ann"));
    assertThat(rows.get(0).user()).isEqualTo(new UserLabel("ann", null, "uid=ann"));
    assertThat(rows.get(2).members()).containsExactly("ann (e1)", "bob (e2)");
    assertThat(rows.get(1)).isEqualTo(rows.get(1)).isNotSameAs(rows.get(1));
    assertThat(changes.memberships()).isEqualTo(Map.of(OperationOutcome.SKIPPED, 2));
  }

  @Test
  void aDryRunPlansEveryOperationAndARunThatAppliedNothingListsNone() {
    assertThat(ReportedChanges.of(plan(), true, false, List.of(), List.of()).rows())
        .extracting(ReportedChange::outcome).containsOnly(OperationOutcome.PLANNED).hasSize(3);
    assertThat(ReportedChanges.of(plan(), false, false, List.of(), List.of()).rows()).isEmpty();
  }

  @Test
  void theReportKeepsTheRowsAsTheyAreInsteadOfCopyingThem() {
    List<ReportedChange> rows = ReportedChanges.of(plan(), true, false, List.of(), List.of()).rows();

    RunReport report = new RunReport("r1", "job", true, Instant.EPOCH, Instant.EPOCH, RunOutcome.SUCCESS, null, 2, 0,
        Map.of(), List.of(), List.of(), Map.of(), Map.of(), "sync", rows, Map.of());

    assertThat(report.changes()).isSameAs(rows).hasSize(3);
    assertThat(new RunReport("r1", "job", true, Instant.EPOCH, Instant.EPOCH, RunOutcome.SUCCESS, null, 2, 0,
        Map.of(), List.of(), List.of(), Map.of(), Map.of(), "sync", List.copyOf(rows), Map.of()).changes()).isEqualTo(rows);
  }

  @Test
  void usersCreatedBlockedAreCountedFromThePlanAsTheRowsWouldCountThem() {
    ExternalId cy = ExternalId.of("e3");
    ExternalId dee = ExternalId.of("e4");
    Plan plan = new Plan("job", Instant.EPOCH, List.of(
        new Operation.CreateUser(DesiredUser.of(cy, Map.of("username", "cy", "blocked", true))),
        new Operation.CreateUser(DesiredUser.of(dee, Map.of("username", "dee", "blocked", true))),
        new Operation.CreateUser(DesiredUser.of(ANN, Map.of("username", "ann", "blocked", false)))), 3, 0, 0, List.of(), List.of(),
        Map.of());
    List<ReportedChange> rows = ReportedChanges.of(plan, false, true,
        List.of(new Failure(OperationKind.CREATE_USER, "e4", "409 conflict")), List.of()).rows();
    RunReport fromPlan = new RunReport("r1", "job", false, Instant.EPOCH, Instant.EPOCH, RunOutcome.SUCCESS, null, 3, 0,
        Map.of(), List.of(), List.of(), Map.of(), Map.of(), "sync", rows, Map.of());
    RunReport fromRows = new RunReport("r1", "job", false, Instant.EPOCH, Instant.EPOCH, RunOutcome.SUCCESS, null, 3, 0,
        Map.of(), List.of(), List.of(), Map.of(), Map.of(), "sync", List.copyOf(rows), Map.of());

    for (OperationOutcome outcome : OperationOutcome.values()) {
      assertThat(fromPlan.createdBlocked(outcome)).as(outcome.name()).isEqualTo(fromRows.createdBlocked(outcome));
    }
    assertThat(fromPlan.createdBlocked(OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(fromPlan.createdBlocked(OperationOutcome.FAILED)).isEqualTo(1);
  }
}
