package io.dirsync.schedule;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schedulers sharing a PostgreSQL database (127.0.0.1:5432, see TESTING.md), each test in its own schema. */
class ClusteredSchedulerTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final List<DirsyncScheduler> schedulers = new CopyOnWriteArrayList<>();
  private String schema;

  @BeforeEach
  void ownSchema() {
    schema = "qrtz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    schedulers.forEach(DirsyncScheduler::stop);
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private DirsyncScheduler scheduler(String instanceId, String cron, JobRunner runner, Clock clock) {
    QuartzSettings settings = QuartzSettings.clustered(URL, null, null, schema, instanceId);
    DirsyncScheduler s = new DirsyncScheduler(List.of(new ScheduledJob("nightly", cron, ZoneOffset.UTC)), runner, settings, clock);
    schedulers.add(s);
    return s;
  }

  @Test
  void eachFiringRunsOnExactlyOneOfTwoSchedulersSharingTheDatabase() throws Exception {
    List<JobFiring> firings = new CopyOnWriteArrayList<>();
    CountDownLatch sixFirings = new CountDownLatch(6);
    JobRunner runner = (firing, stop) -> {
      firings.add(firing);
      sixFirings.countDown();
      return null;
    };
    scheduler("node-a", "* * * * * ?", runner, Clock.systemUTC()).start();
    scheduler("node-b", "* * * * * ?", runner, Clock.systemUTC()).start();

    assertThat(sixFirings.await(30, SECONDS)).as("six firings within 30 s").isTrue();
    schedulers.forEach(DirsyncScheduler::stop);

    assertThat(firings.stream().map(JobFiring::scheduledAt).toList()).doesNotHaveDuplicates();
    assertThat(firings).allSatisfy(f -> assertThat(f.instanceId()).isIn("node-a", "node-b"));
  }

  @Test
  void theQuartzTablesAreCreatedInTheConfiguredSchemaWhenMissing() throws Exception {
    DirsyncScheduler s = scheduler("node-a", "0 0 2 * * ?", (f, stop) -> null, Clock.systemUTC());
    s.prepare();

    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(11);
    }
    assertThat(s.nextFireTime("nightly")).isPresent();
  }

  @Test
  void aFiringMissedWhileEverySchedulerWasDownRunsOnceWhenOneComesBack() throws Exception {
    // A node scheduled the hourly job three hours ago and went down before any firing.
    Clock threeHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
    DirsyncScheduler before = scheduler("node-a", "0 0 * * * ?", (f, stop) -> null, threeHoursAgo);
    before.prepare();
    Instant missed = before.nextFireTime("nightly").orElseThrow();
    before.stop();
    assertThat(missed).isBefore(Instant.now().minus(Duration.ofHours(1)));

    List<JobFiring> firings = new CopyOnWriteArrayList<>();
    CountDownLatch ran = new CountDownLatch(1);
    DirsyncScheduler after = scheduler("node-b", "0 0 * * * ?", (firing, stop) -> {
      firings.add(firing);
      ran.countDown();
      return null;
    }, Clock.systemUTC());
    after.start();

    assertThat(ran.await(30, SECONDS)).as("the missed firing runs within 30 s").isTrue();
    Instant afterRun = Instant.now();
    assertThat(after.nextFireTime("nightly")).hasValueSatisfying(next -> assertThat(next).isAfter(afterRun));
    assertThat(firings).hasSize(1);
    assertThat(firings.get(0).instanceId()).isEqualTo("node-b");
  }
}
