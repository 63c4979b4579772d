package io.dirsync.sync;

/** Progress of a run, for a terminal progress line or container log lines. */
public interface SyncListener {
  SyncListener NONE = new SyncListener() {};

  /** A stage begins: read, map, lookup, plan, apply. */
  default void stage(String name) {}

  /** {@code done} of {@code total} units of the current stage are finished. */
  default void progress(long done, long total) {}
}
