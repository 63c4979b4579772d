package io.dirsync.state;

import java.util.regex.Pattern;

/** Removes passwords from JDBC URLs and from exception chains that may quote them. */
final class Secrets {
  /** {@code password=…} in a query string ({@code ?&}) or an H2 setting list ({@code ;}). */
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&;]\\s*[a-z_]*password\\s*=)[^&;#\\s\"']*");
  /** {@code //user:secret@host}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");
  private static final String MASK = "***";
  /** Shorter literal passwords are not masked in free text: replacing "a" everywhere would garble it. */
  private static final int MIN_LITERAL = 3;

  private Secrets() {}

  static String redactUrl(String url) {
    if (url == null) return null;
    String s = PASSWORD_PARAM.matcher(url).replaceAll("$1" + MASK);
    return USER_INFO.matcher(s).replaceAll("$1" + MASK + "@");
  }

  /** Redacts URL-style passwords and the literal password (if given) from free text. */
  static String redact(String text, String password) {
    if (text == null) return null;
    String s = redactUrl(text);
    if (password != null && password.length() >= MIN_LITERAL) {
      s = s.replace(password, MASK);
    }
    return s;
  }

  /**
   * A copy of the exception chain whose messages carry no password, with the original stack traces
   * and exception class names. Drivers (H2 in particular) quote the whole URL in some messages.
   */
  static Throwable scrub(Throwable t, String password) {
    if (t == null) return null;
    Throwable cause = t.getCause() == t ? null : scrub(t.getCause(), password);
    String message = t.getClass().getName() + ": " + redact(t.getMessage(), password);
    Scrubbed copy = new Scrubbed(message, cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** Stands in for a driver exception whose message was redacted; the message starts with its class. */
  static final class Scrubbed extends RuntimeException {
    Scrubbed(String message, Throwable cause) {
      super(message, cause, false, true);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
