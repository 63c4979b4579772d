package io.dirsync.directory.authingv3;

import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.DirectoryException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Classes failed v3 calls by what the caller does next: throttling (HTTP 429 or body
 * {@code statusCode} 429), 5xx and no answer are transient; 401/403 are fatal; the rest is permanent.
 * The exception's code is the body's {@code apiCode} when given, else its {@code statusCode}.
 * Messages are scrubbed of the secret.
 */
final class V3Errors {
  private final String secret;
  private final Clock clock;

  V3Errors(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  DirectoryException answered(String route, int httpStatus, int statusCode, int apiCode, String message, String retryAfter) {
    int status = statusCode != 0 ? statusCode : httpStatus;
    Kind kind;
    long wait = -1;
    if (status == 429 || httpStatus == 429) {
      kind = Kind.TRANSIENT;
      wait = retryAfterMillis(retryAfter);
    } else if (status >= 500 || httpStatus >= 500 || status == 408) {
      kind = Kind.TRANSIENT;
    } else if (status == 401 || status == 403 || httpStatus == 401 || httpStatus == 403) {
      kind = Kind.FATAL;
    } else {
      kind = Kind.PERMANENT;
    }
    int code = apiCode != 0 ? apiCode : status;
    String text = "Authing v3 " + route + " failed (HTTP " + httpStatus + ", statusCode " + statusCode
        + (apiCode != 0 ? ", apiCode " + apiCode : "") + "): " + scrub(message)
        + (kind == Kind.FATAL ? "; check the access key id and secret" : "")
        + (wait >= 0 ? " (retry after " + wait + " ms)" : "");
    return new DirectoryException(kind, code, httpStatus, wait, text, null);
  }

  DirectoryException io(String route, IOException e) {
    String what = e instanceof InterruptedIOException ? "timed out" : "got no answer";
    return new DirectoryException(Kind.TRANSIENT, 0, 0, "Authing v3 " + route + " " + what + ": " + scrub(String.valueOf(e.getMessage())), e);
  }

  DirectoryException malformed(String route, int status, String why) {
    return new DirectoryException(Kind.TRANSIENT, 0, status, "Authing v3 " + route + " answered something unreadable: " + why, null);
  }

  static DirectoryException invalid(String what, String why) {
    return new DirectoryException(Kind.PERMANENT, 0, 0, what + ": " + why, null);
  }

  String scrub(String text) {
    if (text == null) return "";
    return secret.length() >= 4 ? text.replace(secret, "****") : text;
  }

  private long retryAfterMillis(String header) {
    if (header == null || header.isBlank()) return -1;
    String v = header.trim();
    try {
      return Math.max(0, (long) (Double.parseDouble(v) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        return Math.max(0, Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).toMillis());
      } catch (DateTimeParseException notDate) {
        return -1;
      }
    }
  }
}
