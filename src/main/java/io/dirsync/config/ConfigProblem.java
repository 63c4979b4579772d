package io.dirsync.config;

/** One thing wrong in a config or mapping file, printed as {@code file:line:column: message}. */
public record ConfigProblem(String file, int line, int column, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
