package io.dirsync.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database in a fresh temporary directory per test. */
class H2StateStoreTest extends StateStoreContract {
  @TempDir Path dir;

  @Override
  JdbcStateStore openStore() {
    return StateStores.open("jdbc:h2:file:" + dir.resolve("state") + ";AUTO_SERVER=FALSE", "sa", null, null);
  }

  @Override
  String unopenableUrlWithPassword(String password) {
    // IFEXISTS=TRUE refuses to create the missing file, so the open fails.
    return "jdbc:h2:file:" + dir.resolve("missing/state") + ";IFEXISTS=TRUE;PASSWORD=" + password;
  }
}
