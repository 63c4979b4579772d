package io.dirsync.source;

/** A source that could not be read; the message says what to fix and never holds a password. */
public class SourceException extends RuntimeException {

  /** What went wrong, by what the operator does next. */
  public enum Kind {
    /** DNS, refused connection, timeout, TLS handshake: check the network or certificates. */
    UNREACHABLE,
    /** Bad bind DN or password. */
    AUTHENTICATION,
    /** Bad base DN, filter or file: fix the configuration. */
    CONFIGURATION
  }

  private final Kind kind;

  public SourceException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
