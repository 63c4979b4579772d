package io.dirsync.sync;

import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The sync flow with its state in PostgreSQL (TESTING.md's server): one schema per store name,
 * emptied when a test takes it (migrating a fresh schema for every test is the slow part) and
 * dropped after the class. When the server is not reachable these tests fail: CI has it.
 */
class PostgresSyncFlowTest extends SyncFlowContract {
  static final String URL = System.getProperty("dirsync.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String PREFIX = "sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
  static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void serverIsReachable() throws SQLException {
    sql("SELECT 1");
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    for (String schema : SCHEMAS) sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  @Override
  Supplier<StateStore> stateStore(String name) {
    String schema = PREFIX + name;
    SCHEMAS.add(schema);
    try {
      empty(schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty schema " + schema, e);
    }
    return () -> StateStores.open(URL, null, null, schema);
  }

  /** Deletes every row an earlier test left, keeping the tables and Flyway's history. */
  private static void empty(String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL);
        PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'dirsync_schema_history'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) tables.add(schema + ".\"" + rs.getString(1) + "\"");
      }
    }
    if (!tables.isEmpty()) sql("TRUNCATE " + String.join(", ", tables) + " CASCADE");
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
