package io.dirsync.config;

/** A secret value (password, user-pool secret). {@link #toString()} never shows it. */
public record Secret(String value) {
  public Secret {
    if (value == null) throw new IllegalArgumentException("secret value must not be null");
  }

  @Override
  public String toString() {
    return "****";
  }
}
