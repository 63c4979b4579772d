package io.dirsync.sync;

import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import java.nio.file.Path;
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

/** The state databases the sync contracts run on. */
final class StateDbs {
  static final String PG_URL = System.getProperty("dirsync.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private StateDbs() {}

  /** An H2 file store {@code name} in {@code dir}, as on a laptop or in the demo. */
  static Supplier<StateStore> h2(Path dir, String name) {
    String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    return () -> StateStores.open(url, null, null, null);
  }

  /**
   * PostgreSQL stores of one test class (TESTING.md's server): one schema per store name, emptied
   * when a test takes it (migrating a fresh schema for every test is the slow part), all dropped by
   * {@link #dropAll}. When the server is not reachable the tests fail: CI has it.
   */
  static final class Postgres {
    private final String prefix = "sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    private final Set<String> schemas = ConcurrentHashMap.newKeySet();

    void checkReachable() throws SQLException {
      sql("SELECT 1");
    }

    Supplier<StateStore> store(String name) {
      String schema = prefix + name;
      schemas.add(schema);
      try {
        empty(schema);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot empty schema " + schema, e);
      }
      return () -> StateStores.open(PG_URL, null, null, schema);
    }

    void dropAll() throws SQLException {
      for (String schema : schemas) sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Deletes every row an earlier test left, keeping the tables and Flyway's history. */
    private static void empty(String schema) throws SQLException {
      List<String> tables = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(PG_URL);
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
      try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
        s.execute(statement);
      }
    }
  }
}
