package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.Failure;
import io.dirsync.model.FieldChange;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.ReportedChange;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report, rendered by headless Chromium: what a person opening it sees. */
class HtmlReportTest {
  private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  @TempDir Path dir;

  static RunReport report() {
    UserLabel ann = new UserLabel("ann", "ann@example.org", "uid=ann,ou=People,dc=corp,dc=example");
    UserLabel eve = new UserLabel("eve<script>alert(1)</script>", "eve@example.org", "uid=eve,ou=People,dc=corp,dc=example");
    UserLabel bob = new UserLabel("bob", "bob@example.org", "uid=bob,ou=People,dc=corp,dc=example");
    List<ReportedChange> changes = List.of(
        new ReportedChange(OperationKind.CREATE_USER, "E3", eve, List.of(new FieldChange("blocked", null, true),
            new FieldChange("username", null, "eve<script>alert(1)</script>")), List.of(), OperationOutcome.APPLIED, null),
        new ReportedChange(OperationKind.UPDATE_USER, "E1", ann, List.of(new FieldChange("name", "Ann", "Ann Lee")), List.of(),
            OperationOutcome.APPLIED, null),
        new ReportedChange(OperationKind.UPDATE_USER, "E2", bob, List.of(new FieldChange("phone", "+8613800000001", "+8613800000002")),
            List.of(), OperationOutcome.FAILED, "2028 phone already used; password=hunter2"),
        new ReportedChange(OperationKind.ADD_TO_GROUP, "dev", null, List.of(), List.of("ann (E1)", "bob (E2)", "eve (E3)"),
            OperationOutcome.APPLIED, null));
    return new RunReport("run-42", "nightly", false, T0, T0.plusMillis(12_500), RunOutcome.PARTIAL_FAILURE, "1 operation(s) failed",
        3, 0, Map.of(OperationKind.CREATE_USER, Map.of(OperationOutcome.APPLIED, 1),
            OperationKind.UPDATE_USER, Map.of(OperationOutcome.APPLIED, 1, OperationOutcome.FAILED, 1),
            OperationKind.ADD_TO_GROUP, Map.of(OperationOutcome.APPLIED, 1)),
        List.of(new SkippedEntry("uid=dup,ou=People,dc=corp,dc=example", "unique values", "email \"x@example.org\" is also used by uid=dup2")),
        List.of(new Failure(OperationKind.UPDATE_USER, "E2", "2028 phone already used; password=hunter2")),
        Map.of("findUsersByExternalIds", 1L, "createUser", 1L, "updateUser", 2L, "addUserToGroup", 1L),
        Map.of("read", Duration.ofMillis(800), "lookup", Duration.ofMillis(1200), "plan", Duration.ofMillis(40), "apply", Duration.ofMillis(9800)),
        "sync", changes, Map.of(OperationOutcome.APPLIED, 3));
  }

  @Test
  void theRenderedPageShowsOutcomeCountsChangesBeforeAndAfterFailuresSkipsCallsAndTimings() throws Exception {
    Path json = new ReportWriter().writeInto(dir, report());
    Path html = ReportWriter.htmlOf(json);
    assertThat(html).exists().hasFileName("20261122-020000-nightly-run-42.html");

    String dom = Chromium.dumpDom(html.toUri().toString());
    String text = Chromium.text(dom);

    assertThat(text).contains("dirsync sync · job nightly")
        .contains("partial failure · exit 1")
        .contains("1 users in source".replace("1 users", "3 users"))
        .contains("1 created").contains("1 updated").contains("1 blocked").contains("3 memberships changed").contains("1 failed")
        .contains("ann · ann@example.org · uid=ann,ou=People,dc=corp,dc=example E1 update user name : \"Ann\" → \"Ann Lee\" applied")
        .contains("update user E2 bob · bob@example.org · uid=bob,ou=People,dc=corp,dc=example 2028 phone already used; password=****")
        .contains("uid=dup,ou=People,dc=corp,dc=example unique values email \"x@example.org\" is also used by uid=dup2")
        .contains("add to group dev 3: ann (E1), bob (E2), eve (E3) applied")
        .contains("updateUser 2")
        .contains("apply 9.80");
    assertThat(text).doesNotContain("hunter2");
    // A name is text, never markup: the page runs no script of the source's making.
    assertThat(dom).doesNotContain("<script>alert(1)</script>");
    assertThat(text).contains("eve<script>alert(1)</script>");
    assertThat(dom).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
    assertThat(Files.readString(html)).doesNotContain("hunter2");
  }
}
