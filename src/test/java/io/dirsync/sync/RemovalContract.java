package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.authing.UserInput;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RoleRef;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing wrongly removed, end to end: removal actions, the guards, and users dirsync does not
 * manage.
 */
abstract class RemovalContract extends SyncTestBase {
  // ---- removals ------------------------------------------------------------------------------

  @Test
  void aUserGoneFromTheSourceIsBlockedAndLoggedOutByDefault() {
    SyncHarness h = synced();
    String xia = h.user("E123").id();
    h.users().refreshToken(xia);
    assertThat(h.users().checkLoginStatus(xia, null, null).isLogin()).isTrue();
    DirectoryState before = h.snapshot();
    h.deleteUser("xia.xu");

    RunReport report = h.sync();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(report.count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(1);
    DirectoryState after = h.snapshot();
    assertThat(after.user("E123").fields()).containsEntry("blocked", true);
    assertThat(h.users().checkLoginStatus(xia, null, null).isLogin()).as("logged out").isFalse();
    assertThat(after.users().entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue().fields().get("blocked")))
        .map(Map.Entry::getKey)).containsExactly("E123");
    assertThat(after.totalUsers()).isEqualTo(before.totalUsers());
    assertThat(h.state().managedUsers(SyncHarness.JOB).get(ExternalId.of("E123")).removed()).isTrue();
    h.sandbox.resetStats();
    assertThat(h.sync().changesApplied()).as("not blocked twice").isZero();
    assertThat(changingCalls(h.sandbox.stats())).isEmpty();
  }

  @Test
  void aBlockedUserWhoComesBackToTheSourceIsUnblocked() {
    SyncHarness h = synced();
    h.deleteUser("xia.xu");
    h.sync();
    h.addUser("xia.back", "E123", SUPPORT);

    h.sync();

    assertThat(h.user("E123").blocked()).isFalse();
    assertThat(h.user("E123").field("username")).isEqualTo("xia.back");
    assertThat(h.state().managedUsers(SyncHarness.JOB).get(ExternalId.of("E123")).removed()).isFalse();
    assertThat(h.plan().isEmpty()).isTrue();
  }

  @Test
  void aUserGoneFromTheSourceIsDeletedWhenTheActionIsDelete() {
    SyncHarness h = synced();
    h.removal = RemovalAction.DELETE;
    h.deleteUser("xia.xu");

    RunReport report = h.sync();

    assertThat(report.count(OperationKind.DELETE_USER, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(h.exists("E123")).isFalse();
    DirectoryState after = h.snapshot();
    assertThat(after.totalUsers()).isEqualTo(SyncHarness.USERS - 1);
    assertThat(after.users().values()).allSatisfy(u -> assertThat(u.fields()).containsEntry("blocked", false));
    assertThat(h.state().managedUsers(SyncHarness.JOB)).doesNotContainKey(ExternalId.of("E123"));
    assertThat(h.plan().isEmpty()).isTrue();
  }

  @Test
  void aUserGoneFromTheSourceIsLeftAloneWhenTheActionIsNone() {
    SyncHarness h = synced();
    h.removal = RemovalAction.NONE;
    DirectoryState before = h.snapshot();
    h.deleteUser("xia.xu");
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertThat(report.changesApplied()).isZero();
    assertThat(changingCalls(h.sandbox.stats())).isEmpty();
    assertThat(h.snapshot()).isEqualTo(before);
  }

  @Test
  void aManagedUserWhoseEntryCannotBeMappedIsSkippedAndNeitherBlockedNorDeleted() {
    SyncHarness h = synced();
    h.removal = RemovalAction.DELETE;
    DirectoryState before = h.snapshot();
    h.setAttribute("hugo.hill", "mail", "hugo@@example.org");

    RunReport report = h.sync();

    assertThat(report.skipped()).anySatisfy(s -> assertThat(s.dn()).contains("hugo.hill"));
    assertThat(report.count(OperationKind.DELETE_USER, OperationOutcome.APPLIED)).isZero();
    assertThat(h.snapshot()).isEqualTo(before);
  }

  @Test
  void anUnreachableSourceStopsTheRunWithExit4AndRemovesNobody() {
    SyncHarness h = synced();
    DirectoryState before = h.snapshot();
    h.ldap.shutDown(true);
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertThat(report.outcome()).isEqualTo(RunOutcome.UNREACHABLE);
    assertThat(report.outcome().exitCode()).isEqualTo(4);
    assertThat(changingCalls(h.sandbox.stats())).isEmpty();
    assertThat(h.snapshot()).isEqualTo(before);
  }

  @Test
  void aDryRunPlansButChangesNothing() {
    SyncHarness h = harness();
    h.sandbox.resetStats();

    RunReport report = h.newRun().run(true, false, SyncListener.NONE);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.count(OperationKind.CREATE_USER, OperationOutcome.PLANNED)).isEqualTo(SyncHarness.USERS);
    assertThat(changingCalls(h.sandbox.stats())).isEmpty();
    assertThat(h.snapshot().totalUsers()).isZero();
    assertThat(h.state().managedUsers(SyncHarness.JOB)).isEmpty();
  }

  @Test
  void usersCreatedByHandAreNeverBlockedOrDeletedNorTheirMembershipsChanged() {
    SyncHarness h = harness();
    h.removal = RemovalAction.DELETE;
    String handMade = h.users().create(UserInput.forCreate(Map.of("username", "hand.made", "email", "hand.made@example.org")),
        false, false).id();
    String otherTool = h.users().create(UserInput.forCreate(Map.of("username", "other.tool", "externalId", "X999")),
        false, false).id();
    h.sync();
    h.admin.addGroupMembers("sales-team", List.of(handMade, otherTool));
    h.admin.assignRole(new RoleRef("default", "manager"), List.of(otherTool));
    h.admin.addDepartmentMembers("dept-sales", List.of(handMade, otherTool));
    h.sync();
    h.deleteAllUsers();

    RunReport report = h.newRun().run(false, true, SyncListener.NONE);

    assertThat(report.count(OperationKind.DELETE_USER, OperationOutcome.APPLIED)).isEqualTo(SyncHarness.USERS);
    DirectoryState after = h.snapshot();
    assertThat(after.usersWithoutExternalId()).containsExactly("hand.made");
    assertThat(after.users().keySet()).containsExactly("X999");
    assertThat(after.totalUsers()).isEqualTo(2);
    DirectoryState.UserState other = after.user("X999");
    assertThat(other.fields()).containsEntry("blocked", false).containsEntry("username", "other.tool");
    assertThat(other.groups()).containsExactly("sales-team");
    assertThat(other.roles()).containsExactly("default:manager");
    assertThat(other.departments()).containsExactly("dept-sales");
    assertThat(h.users().listGroups(handMade).list()).extracting(g -> g.code()).containsExactly("sales-team");
    assertThat(h.users().detail(handMade, false).orElseThrow().blocked()).isFalse();
  }

  // ---- guards --------------------------------------------------------------------------------

  @Test
  void anEmptySourceStopsTheRunWithExit3AndAppliesNothing() {
    SyncHarness h = synced();
    DirectoryState before = h.snapshot();
    h.deleteAllUsers();
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertStoppedByGuard(h, report, before, "source returned no users");
  }

  @Test
  void removingMoreUsersThanMaxDeletesStopsTheRunWithExit3AndAppliesNothing() {
    SyncHarness h = synced();
    h.guard = new GuardPolicy(2, 100, false);
    DirectoryState before = h.snapshot();
    h.deleteUser("vik.vance");
    h.deleteUser("wen.wu");
    h.deleteUser("xia.xu");
    h.setAttribute("ada.adams", "displayName", "Ada the Changed");
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertStoppedByGuard(h, report, before, "more than maxDeletes 2");
    RunReport allowed = h.newRun().run(false, true, SyncListener.NONE);
    assertThat(allowed.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(allowed.count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(3);
  }

  @Test
  void aSavedPlanIsHeldToTheSameGuardsAsASync() {
    SyncHarness h = synced();
    h.guard = new GuardPolicy(2, 100, false);
    DirectoryState before = h.snapshot();
    h.deleteUser("vik.vance");
    h.deleteUser("wen.wu");
    h.deleteUser("xia.xu");
    String saved = new io.dirsync.plan.PlanCodec().write(h.plan());
    h.sandbox.resetStats();

    RunReport report = h.newSavedPlanRun().apply(new io.dirsync.plan.PlanCodec().read(saved), false, SyncListener.NONE);

    assertStoppedByGuard(h, report, before, "more than maxDeletes 2");
    RunReport allowed = h.newSavedPlanRun().apply(new io.dirsync.plan.PlanCodec().read(saved), true, SyncListener.NONE);
    assertThat(allowed.count(OperationKind.BLOCK_USER, OperationOutcome.APPLIED)).isEqualTo(3);
  }

  @Test
  void removingMoreThanMaxDeletePercentStopsTheRunWithExit3AndAppliesNothing() {
    SyncHarness h = synced();
    h.guard = new GuardPolicy(50, 10, false);
    h.removal = RemovalAction.DELETE;
    DirectoryState before = h.snapshot();
    h.deleteUser("vik.vance");
    h.deleteUser("wen.wu");
    h.deleteUser("xia.xu");
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertStoppedByGuard(h, report, before, "more than maxDeletePercent 10%");
  }

  private static void assertStoppedByGuard(SyncHarness h, RunReport report, DirectoryState before, String reason) {
    assertThat(report.outcome()).isEqualTo(RunOutcome.STOPPED_BY_GUARD);
    assertThat(report.outcome().exitCode()).isEqualTo(3);
    assertThat(report.message()).contains(reason);
    assertThat(report.changesApplied()).isZero();
    assertThat(changingCalls(h.sandbox.stats())).as("calls that change something").isEmpty();
    assertThat(h.snapshot()).isEqualTo(before);
    assertThat(h.state().managedUsers(SyncHarness.JOB).values()).noneMatch(ManagedUser::removed);
  }

  @Test
  void aManagedUserDeletedByHandAndGoneFromTheSourceIsForgottenInsteadOfFailingEveryRun() {
    SyncHarness h = synced();
    h.users().delete(h.user("E123").id());
    h.deleteUser("xia.xu");

    RunReport report = h.sync();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(report.failures()).isEmpty();
    assertThat(h.state().managedUsers(SyncHarness.JOB)).doesNotContainKey(ExternalId.of("E123"));
    assertThat(h.plan().isEmpty()).isTrue();
  }
}
