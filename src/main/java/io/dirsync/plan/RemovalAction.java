package io.dirsync.plan;

/** What happens to a managed user that the source no longer delivers. */
public enum RemovalAction {
  /** Blocked and logged out (reversible); the default. */
  BLOCK,
  /** Deleted (irreversible). */
  DELETE,
  /** Left alone. */
  NONE
}
