package io.dirsync.state;

/**
 * The state store could not be opened or an operation on it failed. The message names the
 * operation and the database URL, with any password removed; it never contains a secret.
 */
public final class StateStoreException extends RuntimeException {
  /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1 ("Database may be already in use"). */
  static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private final boolean inUse;

  public StateStoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  StateStoreException(String message, Throwable cause, boolean inUse) {
    super(message, cause);
    this.inUse = inUse;
  }

  public StateStoreException(String message) {
    this(message, null, false);
  }

  /** Whether an H2 file store could not be opened because another process has it open. */
  public boolean inUseByAnotherProcess() {
    return inUse;
  }
}
