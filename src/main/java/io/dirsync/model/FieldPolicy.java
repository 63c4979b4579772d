package io.dirsync.model;

/** How a mapped field is kept in step with the directory. */
public enum FieldPolicy {
  /** The source always wins: differences are put back on every run. */
  FORCE,
  /** Set when the user is created, never overwritten afterwards. */
  CREATE_ONLY,
  /** Never written. */
  IGNORE
}
