package io.dirsync.sync;

import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** The sync flow with its state in an H2 file, as on a laptop or in the demo. */
class H2SyncFlowTest extends SyncFlowContract {
  @TempDir Path dir;

  @Override
  Supplier<StateStore> stateStore(String name) {
    String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    return () -> StateStores.open(url, null, null, null);
  }
}
