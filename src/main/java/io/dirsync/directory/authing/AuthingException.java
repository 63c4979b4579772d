package io.dirsync.directory.authing;

import io.dirsync.directory.DirectoryException;

/**
 * A failed Authing call: the operation, Authing's business code (0 when none), the HTTP status (0
 * when no answer arrived) and the kind that tells the caller what to do next. Messages never carry
 * the pool secret, tokens or passwords.
 */
public final class AuthingException extends DirectoryException {

  private final String operation;

  AuthingException(Kind kind, String operation, int code, int httpStatus, long retryAfterMillis, String message, Throwable cause) {
    super(kind, code, httpStatus, retryAfterMillis, message, cause);
    this.operation = operation;
  }

  /** The operation that failed: a GraphQL root field or a REST route. */
  public String operation() {
    return operation;
  }
}
