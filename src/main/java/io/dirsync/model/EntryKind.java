package io.dirsync.model;

/** What a source entry describes. */
public enum EntryKind {
  USER,
  GROUP,
  DEPARTMENT
}
