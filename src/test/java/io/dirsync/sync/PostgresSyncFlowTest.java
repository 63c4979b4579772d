package io.dirsync.sync;

import io.dirsync.state.StateStore;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link SyncFlowContract} with the state in PostgreSQL, a schema per store, dropped after the class. */
class PostgresSyncFlowTest extends SyncFlowContract {
  static final StateDbs.Postgres PG = new StateDbs.Postgres();

  @BeforeAll
  static void serverIsReachable() throws SQLException {
    PG.checkReachable();
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    PG.dropAll();
  }

  @Override
  Supplier<StateStore> stateStore(String name) {
    return PG.store(name);
  }
}
