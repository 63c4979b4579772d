package io.dirsync.model;

/** The stable identifier that ties a source entry to a directory user (objectGUID, entryUUID, employeeNumber…). */
public record ExternalId(String value) implements Comparable<ExternalId> {
  public ExternalId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("externalId must not be blank");
    }
  }

  public static ExternalId of(String value) {
    return new ExternalId(value);
  }

  @Override
  public int compareTo(ExternalId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
