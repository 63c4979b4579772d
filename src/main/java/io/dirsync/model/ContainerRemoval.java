package io.dirsync.model;

/**
 * What happens to a managed group or department that left the source, once the memberships
 * dirsync manages in it are revoked.
 */
public enum ContainerRemoval {
  /** Kept in the directory, emptied of managed members (members added by hand stay). */
  KEEP,
  /** Deleted, with all its memberships; departments children first. */
  DELETE
}
