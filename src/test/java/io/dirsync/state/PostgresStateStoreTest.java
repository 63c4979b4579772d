package io.dirsync.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on the PostgreSQL server of TESTING.md, in a schema of its own (emptied before each
 * test, dropped after the class). When the server is not reachable these tests fail: CI has it.
 */
class PostgresStateStoreTest extends StateStoreContract {
  static final String URL = System.getProperty("dirsync.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String SCHEMA = "state_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void serverIsReachable() {
    try {
      sql("SELECT 1");
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL is not reachable at " + URL
          + " (CI and this machine start it; see TESTING.md), so the PostgreSQL state tests fail", e);
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @BeforeEach
  @Override
  void open() {
    try {
      sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    super.open();
  }

  @Override
  JdbcStateStore openStore() {
    return StateStores.open(URL, null, null, SCHEMA);
  }

  @Override
  String unopenableUrlWithPassword(String password) {
    return "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + password;
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
