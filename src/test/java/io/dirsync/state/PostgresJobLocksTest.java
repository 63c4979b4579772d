package io.dirsync.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/** {@link JobLocksTest} on PostgreSQL (127.0.0.1:5432), in a schema of its own. */
class PostgresJobLocksTest extends JobLocksTest {
  static final String SCHEMA = "locks_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  JdbcStateStore open() {
    return StateStores.open(PostgresStateStoreTest.URL, null, null, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgresStateStoreTest.URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
    }
  }
}
