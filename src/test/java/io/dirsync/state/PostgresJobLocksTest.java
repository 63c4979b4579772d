package io.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link JobLocksTest} on PostgreSQL (127.0.0.1:5432), in a schema of its own. */
class PostgresJobLocksTest extends JobLocksTest {
  static final String SCHEMA = "locks_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  JdbcStateStore open() {
    return StateStores.open(PostgresStateStoreTest.URL, null, null, SCHEMA);
  }

  /**
   * A holder frozen (SIGSTOP) in the middle of renewing its lease keeps its row locked; the next
   * run must be refused, not wait behind that transaction for ever.
   */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aHolderFrozenInTheMiddleOfARenewalDoesNotMakeTheNextRunWait() throws Exception {
    one = open();
    two = open();
    JobLocks.Result first = new JobLocks(new Sql(one.dataSource(), "test"), clock, Duration.ofMinutes(2),
        new JobLocks.Identity("other-host", 4242, "x")).tryLock(job);
    assertThat(first.lock()).isPresent();
    try (Connection renewal = DriverManager.getConnection(PostgresStateStoreTest.URL); Statement s = renewal.createStatement()) {
      renewal.setAutoCommit(false);
      s.executeUpdate("UPDATE " + SCHEMA + ".job_locks SET lease_until = lease_until WHERE job = '" + job + "'");

      JobLocks.Result second = new JobLocks(new Sql(two.dataSource(), "test"), clock, Duration.ofMinutes(2),
          JobLocks.Identity.current()).tryLock(job);

      assertThat(second.lock()).isEmpty();
      assertThat(second.holder().describe()).contains("pid 4242 on other-host");
      renewal.rollback();
    }
    first.lock().get().close();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgresStateStoreTest.URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
    }
  }
}
