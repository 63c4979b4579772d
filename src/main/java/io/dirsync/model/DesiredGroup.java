package io.dirsync.model;

/** A group the directory should hold (created when missing and the mapping allows it). */
public record DesiredGroup(String code, String name, String description) {
  public DesiredGroup {
    if (code == null || code.isBlank()) throw new IllegalArgumentException("group code must not be blank");
    if (name == null || name.isBlank()) name = code;
  }
}
