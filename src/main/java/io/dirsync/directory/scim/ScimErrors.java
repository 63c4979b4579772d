package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Turns failed SCIM calls into {@link DirectoryException}s classed by what the caller does next,
 * from the HTTP status and the SCIM error's {@code scimType} (RFC 7644 §3.12). Messages carry the
 * server's {@code detail} with anything secret-looking removed.
 */
final class ScimErrors {
  private final Clock clock;
  private final String secret;

  ScimErrors(Clock clock, String secret) {
    this.clock = clock;
    this.secret = secret;
  }

  /**
   * 401/403: our credentials (fatal); 408, 5xx but 501: transient; 412: the resource changed since
   * we read it, transient (the retry reads it again); 429: transient after Retry-After; 409
   * (uniqueness) and other 4xx: permanent for this operation.
   */
  DirectoryException http(String operation, int status, JsonNode error, String retryAfter) {
    String scimType = error == null ? null : text(error, "scimType");
    String detail = error == null ? null : text(error, "detail");
    Kind kind;
    long wait = -1;
    if (status == 401 || status == 403) kind = Kind.FATAL;
    else if (status == 429) {
      kind = Kind.TRANSIENT;
      wait = retryAfterMillis(retryAfter);
    } else if (status == 412 || status == 408 || (status >= 500 && status != 501)) kind = Kind.TRANSIENT;
    else kind = Kind.PERMANENT;
    StringBuilder message = new StringBuilder("SCIM ").append(operation).append(" answered HTTP ").append(status);
    if (scimType != null) message.append(" (").append(scimType).append(')');
    if (detail != null) message.append(": ").append(scrub(detail));
    if (status == 401 || status == 403) message.append("; check the SCIM credentials and their permissions");
    if (wait >= 0) message.append(" (retry after ").append(wait).append(" ms)");
    return new DirectoryException(kind, 0, status, wait, message.toString(), null);
  }

  DirectoryException io(String operation, IOException e) {
    if (e instanceof javax.net.ssl.SSLHandshakeException || e instanceof javax.net.ssl.SSLPeerUnverifiedException) {
      return new DirectoryException(Kind.FATAL, 0, 0, -1, "SCIM " + operation + ": the TLS handshake failed, the server's certificate"
          + " is not trusted or does not name the host (" + scrub(rootMessage(e)) + "); set target.trustStore to the"
          + " CA that issued it (PEM, JKS or PKCS#12)", e);
    }
    String what = e instanceof InterruptedIOException ? "timed out" : "got no answer";
    return new DirectoryException(Kind.TRANSIENT, 0, 0, -1, "SCIM " + operation + " " + what + ": " + scrub(String.valueOf(e.getMessage())), e);
  }

  /** The innermost cause's message: what went wrong, without the JDK's exception class names. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return String.valueOf(root.getMessage());
  }

  DirectoryException malformed(String operation, int status, String why) {
    return new DirectoryException(Kind.TRANSIENT, 0, status, -1, "SCIM " + operation + " answered something unreadable: " + scrub(why), null);
  }

  static DirectoryException invalid(String what) {
    return new DirectoryException(Kind.PERMANENT, 0, 0, what, null);
  }

  static DirectoryException unsupported(String what) {
    return new DirectoryException(Kind.FATAL, 0, 0, what, null);
  }

  private String scrub(String text) {
    if (text == null) return "";
    return secret != null && secret.length() >= 4 ? text.replace(secret, "****") : text;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
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
