package io.dirsync.model;

/**
 * A password carried into the directory on create: a hash kept as is ({@code keep = true}, for
 * migrations) or a clear-text initial password. Never printed: {@link #toString()} hides it.
 */
public record ImportedPassword(String value, boolean keep) {
  public ImportedPassword {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException("password must not be empty");
  }

  @Override
  public String toString() {
    return "ImportedPassword[****, keep=" + keep + "]";
  }
}
