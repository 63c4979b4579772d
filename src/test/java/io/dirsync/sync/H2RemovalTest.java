package io.dirsync.sync;

import io.dirsync.state.StateStore;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** {@link RemovalContract} with the state in H2 files. */
class H2RemovalTest extends RemovalContract {
  @TempDir Path dir;

  @Override
  Supplier<StateStore> stateStore(String name) {
    return StateDbs.h2(dir, name);
  }
}
