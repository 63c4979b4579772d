package io.dirsync.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Turns names into stable ASCII codes (for department and group codes). */
final class Slugs {
  private Slugs() {}

  /**
   * Lower-case ASCII letters and digits separated by single dashes; accents are dropped
   * ({@code Zürich} → {@code zurich}). When letters that have no ASCII form (Chinese, Cyrillic…) are
   * dropped, an 8-character hash of the whole text is appended so that different names still get
   * different, stable codes ({@code 研发中心/平台部} → {@code 6a042b04}).
   */
  static String slugify(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder();
    boolean lost = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 128 && Character.isLetterOrDigit(cp)) {
        out.append(Character.toLowerCase((char) cp));
      } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue;
      } else {
        lost |= Character.isLetterOrDigit(cp);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') out.append('-');
      }
    }
    String slug = trimDashes(out.toString());
    if (!lost) return slug;
    String hash = hash(Normalizer.normalize(text.trim(), Normalizer.Form.NFC));
    return slug.isEmpty() ? hash : slug + "-" + hash;
  }

  /** The first 8 hex digits of the SHA-256 of the UTF-8 text. */
  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') start++;
    while (end > start && s.charAt(end - 1) == '-') end--;
    return s.substring(start, end);
  }
}
