package io.dirsync.directory.authing;

/** The identifier a batch look-up matches on. */
public enum BatchType {
  ID("id"),
  USERNAME("username"),
  EMAIL("email"),
  PHONE("phone"),
  EXTERNAL_ID("externalId");

  private final String wire;

  BatchType(String wire) {
    this.wire = wire;
  }

  /** The value sent as {@code type}. */
  public String wire() {
    return wire;
  }
}
