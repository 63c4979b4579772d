package io.dirsync.app;

import io.dirsync.config.ConfigException;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.RunOutcome;
import io.dirsync.source.SourceException;
import io.dirsync.state.StateStoreException;

/**
 * Turns what an adapter throws into a {@link RunFailure} with the outcome (and exit code) it means,
 * so that no layer's exception type, and no stack trace, reaches the command line.
 */
final class Failures {
  private Failures() {}

  /** The failure for {@code e}; config problems are left to the caller (they list every problem). */
  static RunFailure of(RuntimeException e) {
    if (e instanceof RunFailure failure) return failure;
    if (e instanceof SourceException s) {
      return new RunFailure(s.kind() == SourceException.Kind.CONFIGURATION ? RunOutcome.CONFIG_ERROR : RunOutcome.UNREACHABLE,
          "source: " + s.getMessage(), s);
    }
    if (e instanceof StateStoreException s) return stateStore(s);
    if (e instanceof DirectoryException d) {
      return new RunFailure(RunOutcome.UNREACHABLE, "directory: " + d.getMessage(), d);
    }
    if (e instanceof ConfigException c) {
      return new RunFailure(RunOutcome.CONFIG_ERROR, String.join("\n", c.problems().stream().map(Object::toString).toList()), c);
    }
    return new RunFailure(RunOutcome.UNREACHABLE, "cannot run: " + e, e);
  }

  static RunFailure stateStore(StateStoreException e) {
    if (e.inUseByAnotherProcess()) {
      return new RunFailure(RunOutcome.ALREADY_RUNNING, "state store: the H2 file is open in another dirsync process, which"
          + " is most likely running this job (an H2 file store admits one process at a time; use PostgreSQL to share"
          + " it): " + e.getMessage(), e);
    }
    return new RunFailure(RunOutcome.UNREACHABLE, "state store: " + e.getMessage(), e);
  }
}
