package io.dirsync.state;

/**
 * The state store could not be opened or an operation on it failed. The message names the
 * operation and the database URL, with any password removed; it never contains a secret.
 */
public final class StateStoreException extends RuntimeException {
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StateStoreException(String message) {
    super(message);
  }
}
