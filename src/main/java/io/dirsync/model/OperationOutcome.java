package io.dirsync.model;

/** What happened to one operation. */
public enum OperationOutcome {
  APPLIED,
  FAILED,
  /** Not applied: its target changed since a saved plan was made, or the run stopped first. */
  SKIPPED,
  /** Not applied because the run was a dry run: it would have been applied. */
  PLANNED
}
