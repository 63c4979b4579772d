package io.dirsync.config;

/** What happens to a managed user that is gone from the source. */
public enum RemovalAction {
  /** Block and force logout (reversible). The default. */
  BLOCK,
  /** Delete (irreversible). */
  DELETE,
  /** Leave the user as it is. */
  NONE
}
