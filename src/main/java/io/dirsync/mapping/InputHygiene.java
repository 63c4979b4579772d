package io.dirsync.mapping;

import java.util.Map;

/**
 * Checks every text value of a mapped user, group and department before anything is sent: no control characters (NUL
 * included; tab, line feed and carriage return are allowed), no text that was not valid UTF-8 (read
 * as U+FFFD, or a lone surrogate), nothing longer than the target field takes. A value that breaks
 * a rule skips the entry with the rule named, e.g. {@code hygiene.control-characters}; a mapping
 * that prefers to repair such values says so with the {@code clean} and {@code {truncate: N}}
 * transforms. Pure and thread-safe.
 */
final class InputHygiene {
  /** Characters, for profile fields; the Authing API publishes no limits, so these are dirsync's own, generous ones. */
  static final int MAX_FIELD = 255;
  static final int MAX_URL = 2048;
  static final int MAX_CUSTOM = 4000;
  /** Group and department codes and names take {@link #MAX_FIELD}; a group's description this many. */
  static final int MAX_DESCRIPTION = 2048;
  private static final java.util.Set<String> URL_FIELDS = java.util.Set.of("photo", "profile", "website");
  private static final int QUOTED = 40;

  private InputHygiene() {}

  /** Throws MappingFailure naming the rule and the field for the first value that breaks a rule. */
  static void check(Map<String, Object> fields, Map<String, Object> customData) {
    fields.forEach((field, value) -> check("users.fields." + field, value, URL_FIELDS.contains(field) ? MAX_URL : MAX_FIELD));
    customData.forEach((key, value) -> check("users.customData." + key, value, MAX_CUSTOM));
  }

  /**
   * Checks a group's or department's code, name and description (null when it has none), each
   * reported under its rule, e.g. {@code groups.fromEntries.name}.
   */
  static void checkContainer(Rules.CodeRules rules, String code, String name, String description) {
    String base = rules.code().name().substring(0, rules.code().name().length() - ".code".length());
    check(base + ".code", code, MAX_FIELD);
    check(base + ".name", name, MAX_FIELD);
    check(base + ".description", description, MAX_DESCRIPTION);
  }

  static void check(String rule, Object value, int maxLength) {
    if (!(value instanceof String text)) return;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        throw new MappingFailure("hygiene.control-characters", rule + ": " + quote(text) + " holds control character "
            + String.format("U+%04X", (int) c) + " at position " + i + " (the transform 'clean' removes such characters)");
      }
      if (c == '\uFFFD' || Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
        throw new MappingFailure("hygiene.invalid-utf8", rule + ": " + quote(text) + " was not valid UTF-8 at position " + i
            + " (the transform 'clean' drops what could not be read)");
      }
      if (Character.isHighSurrogate(c)) i++;
    }
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      throw new MappingFailure("hygiene.max-length", rule + ": " + length + " characters, more than the " + maxLength
          + " the field takes (" + quote(text) + "; the transform {truncate: " + maxLength + "} shortens it)");
    }
  }

  /** Removes control characters (but tab, LF, CR), U+FFFD and lone surrogates. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c) || c == '\uFFFD') continue;
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && pairedSurrogate(text, i)) {
          out.append(c).append(text.charAt(++i));
        }
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The first {@code max} code points. */
  static String truncate(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) return text;
    return text.substring(0, text.offsetByCodePoints(0, max));
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }

  private static boolean pairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /** The start of the value, escaped, never the whole of a 10 MB one. */
  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < Math.min(text.length(), QUOTED); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == '\uFFFD') out.append(String.format("\\u%04X", (int) c));
      else out.append(c);
    }
    return out.append(text.length() > QUOTED ? "…\"" : "\"").toString();
  }
}
