package io.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.UserLabel;
import io.dirsync.model.RoleRef;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import io.dirsync.model.SkippedEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One suite, run against every database the store supports; each test starts from an empty store. */
abstract class StateStoreContract {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00.123456Z");
  static final String SECRET = "s3cr3t-Pa55word";

  JdbcStateStore store;

  /** Opens the test's database; a second call opens the same database again. */
  abstract JdbcStateStore openStore();

  /** A URL for this database kind that cannot be opened, carrying {@link #SECRET} as its password. */
  abstract String unopenableUrlWithPassword(String password);

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    if (store != null) store.close();
  }

  @Test
  void runsAreListedNewestFirstAndARunInProgressHasNoOutcome() {
    String first = store.startRun("hr", false, T0);
    String second = store.startRun("hr", true, T0.plusSeconds(60));
    String third = store.startRun("legacy", false, T0.plusSeconds(120));
    store.finishRun(report(first, "hr", T0, RunOutcome.SUCCESS));

    List<RunSummary> runs = store.recentRuns(10);

    assertThat(runs).extracting(RunSummary::runId).containsExactly(third, second, first);
    assertThat(runs.get(1).dryRun()).isTrue();
    assertThat(runs.get(1).finishedAt()).isNull();
    assertThat(runs.get(1).outcome()).isNull();
    assertThat(runs.get(0).job()).isEqualTo("legacy");
    assertThat(runs.get(2).startedAt()).isEqualTo(T0);
    assertThat(store.recentRuns(2)).extracting(RunSummary::runId).containsExactly(third, second);
  }

  @Test
  void aFinishedRunKeepsItsSummaryAndTheWholeReport() {
    String runId = store.startRun("hr", false, T0);
    RunReport report = report(runId, "hr", T0, RunOutcome.PARTIAL_FAILURE);

    store.finishRun(report);

    RunSummary summary = store.recentRuns(1).get(0);
    assertThat(summary).isEqualTo(new RunSummary(runId, "hr", false, T0, T0.plusSeconds(90),
        RunOutcome.PARTIAL_FAILURE, 7, 2, 12, "2 operations failed"));
    assertThat(store.report(runId)).contains(report);
  }

  @Test
  void aReportOfManyChangesIsStoredWithTheFirstThousandRowsAndEveryCount() {
    String runId = store.startRun("hr", false, T0);
    RunReport small = report(runId, "hr", T0, RunOutcome.SUCCESS);
    List<io.dirsync.model.ReportedChange> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      rows.add(new io.dirsync.model.ReportedChange(OperationKind.CREATE_USER, "e" + i, null, List.of(), List.of(),
          OperationOutcome.APPLIED, null));
    }
    RunReport big = new RunReport(runId, "hr", false, T0, T0.plusSeconds(90), RunOutcome.SUCCESS, "ok", 1500, 0,
        small.counts(), small.skipped(), small.failures(), small.apiCalls(), small.timings(), "sync", rows,
        Map.of(OperationOutcome.APPLIED, 4500));

    store.finishRun(big);

    RunReport stored = store.report(runId).orElseThrow();
    assertThat(stored.changes()).hasSize(1000).isEqualTo(rows.subList(0, 1000));
    assertThat(stored.counts()).isEqualTo(big.counts());
    assertThat(stored.memberships()).isEqualTo(big.memberships());
    assertThat(stored.sourceUsers()).isEqualTo(1500);
  }

  @Test
  void runsStartedAtTheSameInstantAreListedInStartOrder() {
    String a = store.startRun("hr", false, T0);
    String b = store.startRun("hr", false, T0);
    assertThat(store.recentRuns(5)).extracting(RunSummary::runId).containsExactly(b, a);
  }

  @Test
  void aReportForARunThatWasNeverStartedIsStillRecorded() {
    RunReport report = report("failed-early", "hr", T0, RunOutcome.CONFIG_ERROR);
    store.finishRun(report);
    assertThat(store.recentRuns(1).get(0).outcome()).isEqualTo(RunOutcome.CONFIG_ERROR);
    assertThat(store.report("failed-early")).contains(report);
    assertThat(store.report("no-such-run")).isEmpty();
  }

  @Test
  void theJournalComesBackInTheOrderItWasWrittenPerRun() {
    String run1 = store.startRun("hr", false, T0);
    String run2 = store.startRun("hr", false, T0);
    JournalEntry a = new JournalEntry(run1, OperationKind.CREATE_USER, "uid=bob", OperationOutcome.APPLIED, null, T0);
    JournalEntry b = new JournalEntry(run2, OperationKind.BLOCK_USER, "uid=eve", OperationOutcome.SKIPPED, "stale", T0);
    JournalEntry c = new JournalEntry(run1, OperationKind.ADD_TO_GROUP, "uid=bob", OperationOutcome.FAILED,
        "group g1 not found", T0.plusMillis(5));
    JournalEntry d = new JournalEntry(run1, OperationKind.UPDATE_USER, "uid=amy", OperationOutcome.APPLIED, "", T0);
    for (JournalEntry e : List.of(a, b, c, d)) store.journal(e);

    assertThat(store.journalOf(run1)).containsExactly(a, c, d);
    assertThat(store.journalOf(run2)).containsExactly(b);
    assertThat(store.journalOf("unknown")).isEmpty();
  }

  @Test
  void aBatchOfJournalRowsIsWrittenInOneGoAndComesBackInOrder() {
    String run = store.startRun("hr", false, T0);
    List<JournalEntry> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      batch.add(new JournalEntry(run, OperationKind.CREATE_USER, "uid=u" + i, OperationOutcome.APPLIED, "created d" + i, T0.plusMillis(i)));
    }
    store.journal(batch);
    store.journal(List.of());

    assertThat(store.journalOf(run)).containsExactlyElementsOf(batch);
  }

  @Test
  void journalingForARunThatWasNeverStartedFailsWithAClearMessage() {
    JournalEntry orphan = new JournalEntry("nope", OperationKind.CREATE_USER, "uid=x", OperationOutcome.APPLIED, null, T0);
    assertThatThrownBy(() -> store.journal(orphan))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("journal CREATE_USER uid=x in run nope");
  }

  @Test
  void managedUsersAreInsertedReplacedAndForgotten() {
    ManagedUser bob = user("bob", "d-bob", "h1", false);
    ManagedUser amy = user("amy", "d-amy", "h1", false);
    store.saveManaged("hr", List.of(bob, amy));

    ManagedUser bobBlocked = new ManagedUser(bob.externalId(), "d-bob", "h2", true, T0.plusSeconds(3600));
    ManagedUser eve = new ManagedUser(ExternalId.of("eve"), "d-eve", null, false, null);
    store.saveManaged("hr", List.of(bobBlocked, eve));
    assertThat(store.managedUsers("hr"))
        .containsOnly(Map.entry(bob.externalId(), bobBlocked), Map.entry(amy.externalId(), amy),
            Map.entry(eve.externalId(), eve));

    store.forgetManaged("hr", List.of(ExternalId.of("amy"), ExternalId.of("never-managed")));
    assertThat(store.managedUsers("hr")).containsOnlyKeys(bob.externalId(), eve.externalId());
  }

  @Test
  void aManagedUsersNameIsKeptBySavesThatDoNotNameItAndReplacedBySavesThatDo() {
    UserLabel bobLabel = new UserLabel("bob", "bob@corp.example", "uid=bob,ou=People,dc=corp,dc=example");
    store.saveManaged("hr", List.of(new ManagedUser(ExternalId.of("bob"), "d-bob", "h1", false, T0, bobLabel), user("amy", "d-amy", "h", false)));
    // blocking writes the row again without a name: the stored one stays
    store.saveManaged("hr", List.of(user("bob", "d-bob", "blocked", true)));

    assertThat(store.managedUsers("hr").get(ExternalId.of("bob")).label()).isEqualTo(bobLabel);
    assertThat(store.managedUsers("hr").get(ExternalId.of("bob")).removed()).isTrue();
    assertThat(store.managedUsers("hr").get(ExternalId.of("amy")).label()).isNull();

    UserLabel renamed = new UserLabel("robert", null, "uid=robert,ou=People,dc=corp,dc=example");
    store.saveManaged("hr", List.of(new ManagedUser(ExternalId.of("bob"), "d-bob", "h2", false, T0, renamed)));
    assertThat(store.managedUsers("hr").get(ExternalId.of("bob")).label()).isEqualTo(renamed);
  }

  @Test
  void theLastOfDuplicateIdsInOneSaveWins() {
    store.saveManaged("hr", List.of(user("bob", "d1", "h1", false), user("bob", "d2", "h2", true)));
    assertThat(store.managedUsers("hr").get(ExternalId.of("bob")).directoryId()).isEqualTo("d2");
  }

  @Test
  void eachJobSeesOnlyItsOwnManagedUsers() {
    store.saveManaged("hr", List.of(user("bob", "d-hr", "h", false)));
    store.saveManaged("legacy", List.of(user("bob", "d-legacy", "h", false), user("amy", "d-amy", "h", false)));
    store.forgetManaged("legacy", List.of(ExternalId.of("bob")));

    assertThat(store.managedUsers("hr")).containsOnlyKeys(ExternalId.of("bob"));
    assertThat(store.managedUsers("hr").get(ExternalId.of("bob")).directoryId()).isEqualTo("d-hr");
    assertThat(store.managedUsers("legacy")).containsOnlyKeys(ExternalId.of("amy"));
    assertThat(store.managedUsers("nobody")).isEmpty();
  }

  @Test
  void savingOrForgettingNothingChangesNothing() {
    store.saveManaged("hr", List.of(user("bob", "d", "h", false)));
    store.saveManaged("hr", List.of());
    store.forgetManaged("hr", List.of());
    assertThat(store.managedUsers("hr")).hasSize(1);
  }

  @Test
  void managedGroupsRolesAndDepartmentsAreReplacedAsAWholeAndKeptPerJob() {
    assertThat(store.managedContainers("hr")).isEqualTo(ManagedContainers.NONE);
    store.saveManagedContainers("hr", new ManagedContainers(Set.of("admins", "vpn"), Set.of(new RoleRef("app", "viewer")),
        Set.of("3f2a-guid", "部门")));
    store.saveManagedContainers("legacy", new ManagedContainers(Set.of("old"), Set.of(), Set.of()));
    store.saveManagedContainers("hr", new ManagedContainers(Set.of("vpn"), Set.of(new RoleRef("app", "viewer"),
        new RoleRef(null, "admin")), Set.of("部门")));

    assertThat(store.managedContainers("hr")).isEqualTo(new ManagedContainers(Set.of("vpn"),
        Set.of(new RoleRef("app", "viewer"), new RoleRef("default", "admin")), Set.of("部门")));
    assertThat(store.managedContainers("legacy").groups()).containsExactly("old");
  }

  @Test
  void watermarksAreSavedReplacedAndKeptPerJob() {
    assertThat(store.watermark("hr", "usn")).isEmpty();
    store.saveWatermark("hr", "usn", "100");
    store.saveWatermark("hr", "usn", "250");
    store.saveWatermark("hr", "cookie", "rid=001,csn=x");
    store.saveWatermark("legacy", "usn", "7");

    assertThat(store.watermark("hr", "usn")).contains("250");
    assertThat(store.watermark("hr", "cookie")).contains("rid=001,csn=x");
    assertThat(store.watermark("legacy", "usn")).contains("7");
    assertThat(store.watermark("legacy", "cookie")).isEmpty();
  }

  @Test
  void sourceUsersAreReplacedByAFullRunAndUpdatedByADeltaRunPerJob() {
    io.dirsync.model.SourceUser ann = new io.dirsync.model.SourceUser("k1", "uid=ann,ou=People", ExternalId.of("e1"), "d1",
        sorted("dev", "a b&c"), sorted(new io.dirsync.model.RoleRef("ns", "viewer")), sorted("eng"), "eng");
    io.dirsync.model.SourceUser bob = new io.dirsync.model.SourceUser("k2", "uid=bob,ou=People", null, "d2", null, null, null, null);
    store.saveSourceUsers("hr", true, List.of(ann, bob), List.of());
    store.saveSourceUsers("other", true, List.of(bob), List.of());
    assertThat(store.sourceUsers("hr")).containsOnlyKeys("k1", "k2").containsEntry("k1", ann).containsEntry("k2", bob);

    io.dirsync.model.SourceUser moved = new io.dirsync.model.SourceUser("k1", "uid=ann,ou=Ops", ExternalId.of("e1"), "d3",
        sorted(), sorted(), sorted("ops"), null);
    store.saveSourceUsers("hr", false, List.of(moved), List.of("k2"));

    assertThat(store.sourceUsers("hr")).containsOnlyKeys("k1").containsEntry("k1", moved);
    assertThat(store.sourceUsers("other")).containsOnlyKeys("k2");
    store.saveSourceUsers("hr", true, List.of(bob), List.of());
    assertThat(store.sourceUsers("hr")).containsOnlyKeys("k2");
  }

  @SafeVarargs
  private static <T extends Comparable<T>> java.util.SortedSet<T> sorted(T... values) {
    return new java.util.TreeSet<>(List.of(values));
  }

  @Test
  void reopeningKeepsEverythingAndDoesNotMigrateAgain() throws Exception {
    String runId = store.startRun("hr", false, T0);
    RunReport report = report(runId, "hr", T0, RunOutcome.SUCCESS);
    store.finishRun(report);
    JournalEntry entry = new JournalEntry(runId, OperationKind.CREATE_USER, "uid=bob", OperationOutcome.APPLIED, null, T0);
    store.journal(entry);
    store.saveManaged("hr", List.of(user("bob", "d-bob", "h", false)));
    store.saveWatermark("hr", "usn", "42");
    store.close();

    store = openStore();
    store.close();
    store = openStore();

    assertThat(store.recentRuns(10)).extracting(RunSummary::runId).containsExactly(runId);
    assertThat(store.report(runId)).contains(report);
    assertThat(store.journalOf(runId)).containsExactly(entry);
    assertThat(store.managedUsers("hr")).containsOnlyKeys(ExternalId.of("bob"));
    assertThat(store.watermark("hr", "usn")).contains("42");
    assertThat(appliedMigrations()).startsWith("1", "2", "3").doesNotHaveDuplicates();
  }

  @Test
  void concurrentWritersAllGetTheirRowsIn() throws Exception {
    String runId = store.startRun("hr", false, T0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            String target = "t" + thread + "-" + i;
            store.journal(new JournalEntry(runId, OperationKind.CREATE_USER, target, OperationOutcome.APPLIED, null, T0));
            store.saveManaged("hr", List.of(user(target, "d-" + target, "h", false)));
          }
        }));
      }
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.journalOf(runId)).hasSize(200);
    assertThat(store.managedUsers("hr")).hasSize(200);
  }

  @Test
  void tenThousandManagedUsersRoundTripAcrossSeveralBatches() {
    List<ManagedUser> users = new ArrayList<>();
    List<ManagedUser> changed = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ExternalId id = ExternalId.of("5f3c9a2e-0000-4000-8000-" + String.format("%012d", i));
      users.add(new ManagedUser(id, "6400" + i, "sha256:" + Integer.toHexString(i * 31), i % 50 == 0, T0.plusSeconds(i)));
      changed.add(new ManagedUser(id, "6400" + i, "sha256:" + Integer.toHexString(i * 37), false, T0.plusSeconds(i + 1)));
    }
    // Timing at 100k is measured in docs/state.md, not asserted here.
    store.saveManaged("big", users);
    Map<ExternalId, ManagedUser> loaded = store.managedUsers("big");
    store.saveManaged("big", changed);
    Map<ExternalId, ManagedUser> reloaded = store.managedUsers("big");

    assertThat(loaded).hasSize(10_000).containsEntry(users.get(9_999).externalId(), users.get(9_999));
    assertThat(loaded.get(users.get(500).externalId())).isEqualTo(users.get(500));
    assertThat(reloaded).hasSize(10_000);
    assertThat(reloaded.get(users.get(500).externalId())).isEqualTo(changed.get(500));
  }


  @Test
  void aDatabaseThatCannotBeOpenedIsNamedWithoutItsPassword() {
    String url = unopenableUrlWithPassword(SECRET);
    Throwable thrown = catchThrowable(() -> StateStores.open(url, null, null, null));
    assertNoSecret(thrown, SECRET);
    assertThat(thrown).hasMessageContaining(Secrets.redactUrl(url).replace(";PASSWORD=***", "")
        .replace("&password=***", "").replace("?password=***", ""));

    Throwable again = catchThrowable(() -> StateStores.open(url, "postgres", SECRET, null));
    assertNoSecret(again, SECRET);
  }

  static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      assertThat(t).isInstanceOf(StateStoreException.class);
      return t;
    }
    throw new AssertionError("expected the store not to open");
  }

  static void assertNoSecret(Throwable thrown, String secret) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(secret).doesNotContainIgnoringCase(secret);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
    }
  }

  List<String> appliedMigrations() throws Exception {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + StateStores.HISTORY_TABLE
            + "\" WHERE \"success\" AND \"version\" <> '0' ORDER BY \"installed_rank\"")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) versions.add(rs.getString(1));
      return versions;
    }
  }

  static ManagedUser user(String id, String directoryId, String hash, boolean removed) {
    return new ManagedUser(ExternalId.of(id), directoryId, hash, removed, T0);
  }

  static RunReport report(String runId, String job, Instant started, RunOutcome outcome) {
    return new RunReport(runId, job, false, started, started.plusSeconds(90), outcome,
        outcome == RunOutcome.SUCCESS ? "ok" : "2 operations failed", 120, 111,
        Map.of(OperationKind.CREATE_USER, Map.of(OperationOutcome.APPLIED, 5, OperationOutcome.FAILED, 2),
            OperationKind.ADD_TO_GROUP, Map.of(OperationOutcome.APPLIED, 2)),
        List.of(new SkippedEntry("uid=x,ou=People,dc=example,dc=org", "users.email", "\"x@@y\" is not an email")),
        List.of(new Failure(OperationKind.CREATE_USER, "uid=bob", "409 duplicate"),
            new Failure(OperationKind.CREATE_USER, "uid=amy", "400 bad phone")),
        Map.of("createUser", 7L, "findUsersByExternalIds", 5L),
        Map.of("read", Duration.ofMillis(1500), "apply", Duration.ofSeconds(88)));
  }
}
