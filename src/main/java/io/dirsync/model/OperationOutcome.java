package io.dirsync.model;

/** What happened to one operation. */
public enum OperationOutcome {
  APPLIED,
  FAILED,
  /** Not applied: its target changed since a saved plan was made, or the run stopped first. */
  SKIPPED
}
