package io.dirsync.directory;

/**
 * A failed directory call, classed by what the caller should do next. Messages never contain
 * secrets, tokens or passwords.
 */
public class DirectoryException extends RuntimeException {

  /** What the caller does next. */
  public enum Kind {
    /** Retry with backoff: I/O, timeouts, 429, 5xx, "system busy". */
    TRANSIENT,
    /** Fail this operation, report it, go on: validation, duplicates, not found. */
    PERMANENT,
    /** Abort the run: authentication, permission, configuration. */
    FATAL
  }

  private final Kind kind;
  private final int code;
  private final int httpStatus;
  private final long retryAfterMillis;

  public DirectoryException(Kind kind, int code, int httpStatus, String message, Throwable cause) {
    this(kind, code, httpStatus, -1, message, cause);
  }

  public DirectoryException(Kind kind, int code, int httpStatus, long retryAfterMillis, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
    this.httpStatus = httpStatus;
    this.retryAfterMillis = retryAfterMillis;
  }

  public Kind kind() {
    return kind;
  }

  /** The business code the directory answered (0 when none). */
  public int code() {
    return code;
  }

  /** The HTTP status (0 when no answer arrived). */
  public int httpStatus() {
    return httpStatus;
  }

  /** How long the server asked us to wait (from Retry-After), or -1. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  public boolean isTransient() {
    return kind == Kind.TRANSIENT;
  }

  /**
   * True when the request may have been applied although no answer arrived (connection dropped or
   * timed out after sending, or a 5xx): a create must then be checked before it is repeated.
   */
  public boolean outcomeUnknown() {
    return kind == Kind.TRANSIENT && (httpStatus == 0 || httpStatus >= 500);
  }
}
