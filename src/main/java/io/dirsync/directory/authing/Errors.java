package io.dirsync.directory.authing;

import io.dirsync.directory.DirectoryException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns failed calls into {@link AuthingException}s classed by what the caller does next, with
 * messages scrubbed of the secret and of anything that looks like a token.
 */
final class Errors {
  static final int SYSTEM_BUSY = 1000;
  static final int NO_PERMISSION = 1001;
  static final int USER_NOT_FOUND = 2004;
  static final int UNAUTHENTICATED = 2020;
  /** Authing's throttling answer: HTTP 200 with this code in the body (GraphQL message.code, REST code/statusCode). */
  static final int TOO_MANY_REQUESTS = 429;
  private static final Set<Integer> TRANSIENT_CODES = Set.of(SYSTEM_BUSY, TOO_MANY_REQUESTS);

  private static final Set<Integer> FATAL_CODES = Set.of(NO_PERMISSION, UNAUTHENTICATED);
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private final String secret;
  private final Clock clock;

  Errors(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** A business error answered by the server (GraphQL error object or REST code other than 200). */
  AuthingException business(String operation, int code, int httpStatus, String serverMessage) {
    Kind kind = TRANSIENT_CODES.contains(code) ? Kind.TRANSIENT : FATAL_CODES.contains(code) ? Kind.FATAL : Kind.PERMANENT;
    return new AuthingException(kind, operation, code, httpStatus, -1,
        "Authing " + operation + " failed with code " + code + ": " + scrub(serverMessage), null);
  }

  /** The accessToken query was refused: wrong pool id or secret, unless the server was busy. */
  AuthingException tokenRefused(String userPoolId, int code, String serverMessage) {
    if (TRANSIENT_CODES.contains(code)) return business("accessToken", code, 200, serverMessage);
    Kind kind = Kind.FATAL;
    return new AuthingException(kind, "accessToken", code, 200, -1,
        "Authing refused the management credentials of user pool " + userPoolId + " (code " + code + ": "
            + scrub(serverMessage) + "); check the user pool id and secret", null);
  }

  /** An answer with a non-2xx HTTP status. */
  AuthingException http(String operation, int status, String retryAfter) {
    Kind kind;
    long retryAfterMillis = -1;
    if (status == 429 || status >= 500 || status == 408) {
      kind = Kind.TRANSIENT;
      retryAfterMillis = retryAfterMillis(retryAfter);
    } else if (status == 401 || status == 403) {
      kind = Kind.FATAL;
    } else {
      kind = Kind.PERMANENT;
    }
    String wait = retryAfterMillis >= 0 ? " (retry after " + retryAfterMillis + " ms)" : "";
    return new AuthingException(kind, operation, 0, status, retryAfterMillis,
        "Authing " + operation + " answered HTTP " + status + wait, null);
  }

  /** No answer: connection refused or dropped, timeout. */
  AuthingException io(String operation, IOException e) {
    String what = e instanceof InterruptedIOException ? "timed out" : "got no answer";
    return new AuthingException(Kind.TRANSIENT, operation, 0, 0, -1,
        "Authing " + operation + " " + what + ": " + scrub(String.valueOf(e.getMessage())), e);
  }

  /** A GraphQL answer whose data is incomplete (per-path errors) where the caller needs all of it. */
  AuthingException incomplete(String operation, String why) {
    return new AuthingException(Kind.TRANSIENT, operation, 0, 200, -1,
        "Authing " + operation + " answered with errors in part of its data: " + scrub(why), null);
  }

  static boolean isTransientCode(int code) {
    return TRANSIENT_CODES.contains(code);
  }

  /** An answer we cannot read. */
  AuthingException malformed(String operation, int status, String why) {
    return new AuthingException(Kind.TRANSIENT, operation, 0, status, -1,
        "Authing " + operation + " answered something unreadable: " + scrub(why), null);
  }

  /** A request refused before it was sent (bad argument). */
  static AuthingException invalid(String operation, String why) {
    return new AuthingException(Kind.PERMANENT, operation, 0, 0, -1, operation + ": " + why, null);
  }

  String scrub(String text) {
    if (text == null) return "";
    String out = secret.length() >= 4 ? text.replace(secret, "****") : text;
    return JWT.matcher(out).replaceAll("****");
  }

  private long retryAfterMillis(String header) {
    if (header == null || header.isBlank()) return -1;
    String v = header.trim();
    try {
      return Math.max(0, (long) (Double.parseDouble(v) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
      } catch (DateTimeParseException notDate) {
        return -1;
      }
    }
  }
}
