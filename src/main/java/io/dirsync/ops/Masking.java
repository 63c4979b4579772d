package io.dirsync.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks secrets in log text: values of {@code password=}, {@code secret:}, {@code token=},
 * {@code apiKey=} (any key ending so, e.g. {@code bindPassword}, {@code user_pool_secret},
 * {@code "accessToken":"…"}), {@code Bearer …} and {@code Basic …} credentials, and the password in
 * {@code scheme://user:password@host}. A last line of defence: code should not log secrets at all.
 */
public final class Masking {
  static final String MASK = "****";

  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)([\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key)[\"']?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"'}\\])]+)");
  private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9._~+/=-]+");
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)([^@\\s/]+)(@)");

  private Masking() {}

  /** The text with every secret value replaced by {@code ****}; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) return text;
    String out = KEY_VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quoted(m.group(2))));
    out = AUTH_SCHEME.matcher(out).replaceAll("$1$2" + MASK);
    return URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "$3");
  }

  private static String quoted(String value) {
    char first = value.charAt(0);
    return first == '"' || first == '\'' ? first + MASK + first : MASK;
  }
}
