package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.cli.UnattendedFixture.Child;
import io.dirsync.cli.UnattendedFixture.Store;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunSummary;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unattended runs as an operator's process manager sees them: real dirsync JVMs, stopped with a
 * real signal, killed with kill -9, started twice at once — on H2 and on PostgreSQL. The target is
 * a sandbox in this JVM with a little latency per call, so a run is still applying when it is hit.
 */
class StopAndLockProcessTest {
  private static final int USERS = 120;

  @TempDir Path dir;
  private SandboxServer sandbox;
  private UnattendedFixture fixture;

  @BeforeEach
  void startSandbox() {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(null).withLatencyMillis(25));
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
    if (fixture != null) fixture.dropSchema();
  }

  private Path config(Store store) {
    fixture = new UnattendedFixture(dir, store);
    return fixture.write(USERS, UnattendedFixture.authingTarget(sandbox.baseUri()), "    schedule: \"* * * * * ?\"\n");
  }

  private void awaitCreates(Child child, long calls) throws InterruptedException {
    UnattendedFixture.await("the run to be applying", () -> sandbox.stats().total() >= calls, child);
  }

  /** Whether this process ignores SIGINT (its children then do too: the disposition is inherited). */
  private static boolean sigintIgnored() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (2 - 1))) != 0;
    }
    return false;
  }

  private static void assertNoStackTrace(Child child) {
    assertThat(child.stderr()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("Database is already closed");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void sigtermMidSyncLetsTheCallInFlightFinishRecordsTheRunAsStoppedAndExitsFour(Store store) throws Exception {
    Path config = config(store);
    try (Child sync = fixture.start("sync", "sync", "-c", config.toString())) {
      awaitCreates(sync, 30);
      sync.signal("TERM");

      assertThat(sync.waitFor(UnattendedFixture.PATIENCE_SECONDS)).as(sync.stderr()).isEqualTo(4);
      assertNoStackTrace(sync);
      assertThat(sync.stdout()).contains("stopped");
    }
    List<RunSummary> runs = fixture.runs();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).outcome()).isEqualTo(RunOutcome.STOPPED);
    assertThat(runs.get(0).finishedAt()).isNotNull();
    assertThat(runs.get(0).changes()).isBetween(1, USERS - 1);
    try (Stream<Path> reports = Files.list(dir.resolve("data/reports"))) {
      assertThat(reports.filter(p -> p.toString().endsWith(".json")).map(UnattendedFixture::text)).singleElement().asString().contains("\"STOPPED\"");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void sigintMidApplyOfASavedPlanIsRecordedAsStoppedToo(Store store) throws Exception {
    Path config = config(store);
    Path plan = dir.resolve("plan.json");
    Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored by this JVM (a background job of a non-interactive shell), "
        + "so the dirsync it starts inherits that and cannot be stopped with it; run the tests in the foreground");
    assertThat(runInProcess("plan", "-c", config.toString(), "--out", plan.toString())).isZero();
    try (Child apply = fixture.start("apply", "apply", plan.toString(), "-c", config.toString())) {
      awaitCreates(apply, 30);
      apply.signal("INT");

      assertThat(apply.waitFor(UnattendedFixture.PATIENCE_SECONDS)).as(apply.stderr()).isEqualTo(4);
      assertNoStackTrace(apply);
    }
    assertThat(fixture.runs()).singleElement().extracting(RunSummary::outcome).isEqualTo(RunOutcome.STOPPED);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void sigtermWhileAScheduledRunAppliesRecordsItAsStoppedAndTheDaemonExitsZero(Store store) throws Exception {
    Path config = config(store);
    fixture.writeFile("dirsync.yaml", Files.readString(config).replace("reports:", "http: {port: 0}\nreports:"));
    try (Child daemon = fixture.start("schedule", "schedule", "-c", config.toString())) {
      awaitCreates(daemon, 30);
      daemon.signal("TERM");

      assertThat(daemon.waitFor(UnattendedFixture.PATIENCE_SECONDS)).as(daemon.stderr()).isZero();
      assertNoStackTrace(daemon);
    }
    assertThat(fixture.runs()).isNotEmpty().allSatisfy(r -> assertThat(r.finishedAt()).isNotNull())
        .anySatisfy(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.STOPPED));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aSecondRunOfTheSameJobIsRefusedAtOnceWithExitFiveWhileTheFirstGoesOn(Store store) throws Exception {
    Path config = config(store);
    try (Child first = fixture.start("first", "sync", "-c", config.toString())) {
      awaitCreates(first, 10);
      // frozen mid-run (alive, holding its lock) until the second has answered: no race with its start-up
      first.signal("STOP");
      try (Child second = fixture.start("second", "sync", "-c", config.toString())) {
        assertThat(second.waitFor(UnattendedFixture.PATIENCE_SECONDS)).as(second.stderr()).isEqualTo(5);
        assertNoStackTrace(second);
        assertThat(second.stderr()).contains(store == Store.H2 ? "open in another dirsync process" : "job j is already running");
      } finally {
        first.signal("CONT");
      }
      assertThat(first.waitFor(UnattendedFixture.PATIENCE_SECONDS)).as(first.stderr()).isZero();
    }
    List<RunSummary> runs = fixture.runs();
    assertThat(runs).singleElement().extracting(RunSummary::outcome).isEqualTo(RunOutcome.SUCCESS);
    assertThat(runs.get(0).failures()).isZero();
    assertThat(runs.get(0).changes()).isEqualTo(USERS);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRunKilledWithKill9IsMarkedAbandonedByRunsAndByTheNextRun(Store store) throws Exception {
    Path config = config(store);
    try (Child doomed = fixture.start("doomed", "sync", "-c", config.toString())) {
      awaitCreates(doomed, 10);
      doomed.signal("KILL");
      doomed.waitFor(UnattendedFixture.PATIENCE_SECONDS);
    }
    assertThat(fixture.runs()).singleElement().satisfies(r -> assertThat(r.finishedAt()).isNull());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(runInProcess(out, "runs", "-c", config.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("abandoned");

    assertThat(runInProcess("sync", "-c", config.toString())).isZero();
    List<RunSummary> runs = fixture.runs();
    assertThat(runs).hasSize(2);
    assertThat(runs).extracting(RunSummary::outcome).containsExactlyInAnyOrder(RunOutcome.ABANDONED, RunOutcome.SUCCESS);
  }

  private int runInProcess(String... args) {
    return runInProcess(new ByteArrayOutputStream(), args);
  }

  private int runInProcess(ByteArrayOutputStream out, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        fixture.env(), Clock.systemUTC());
    if (code != 0) System.err.println(err.toString(StandardCharsets.UTF_8));
    return code;
  }
}
