package io.dirsync.model;

/**
 * One field going from {@code before} (what the directory held when planned; null = empty) to
 * {@code after} (null = clear).
 */
public record FieldChange(String field, Object before, Object after) {
  public FieldChange {
    if (field == null || field.isBlank()) throw new IllegalArgumentException("field is required");
  }
}
