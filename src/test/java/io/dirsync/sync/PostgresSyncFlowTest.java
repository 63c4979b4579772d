package io.dirsync.sync;

import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The sync flow with its state in PostgreSQL (TESTING.md's server), one schema per store, all
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
    String schema = PREFIX + SCHEMAS.size() + "_" + name;
    SCHEMAS.add(schema);
    return () -> StateStores.open(URL, null, null, schema);
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
