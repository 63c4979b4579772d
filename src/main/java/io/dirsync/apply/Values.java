package io.dirsync.apply;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Small value comparisons for staleness checks and create reconciliation, and the applied hash. */
final class Values {

  private Values() {}

  /** Whether two values the directory returned (possibly through a saved plan's JSON) are the same. */
  static boolean same(String field, Object a, Object b) {
    boolean emptyA = a == null || a.toString().isEmpty();
    boolean emptyB = b == null || b.toString().isEmpty();
    if (emptyA || emptyB) return emptyA && emptyB;
    if (a instanceof Number || b instanceof Number || a instanceof Boolean || b instanceof Boolean) {
      return scalar(a).equals(scalar(b));
    }
    if ("email".equals(field)) return a.toString().trim().equalsIgnoreCase(b.toString().trim());
    return a.toString().equals(b.toString());
  }

  /** The fields of {@code want} that {@code have} holds differently (to bring a found user in line). */
  static Map<String, Object> differences(DesiredUser want, DirectoryUser have) {
    Map<String, Object> out = new HashMap<>();
    want.fields().forEach((k, v) -> {
      if (!same(k, v, have.field(k))) out.put(k, v);
    });
    return out;
  }

  /** A SHA-256 of what was applied to a user; never covers the password. */
  static String hash(Object... parts) {
    StringBuilder text = new StringBuilder();
    for (Object p : parts) text.append(p instanceof Map<?, ?> m ? new TreeMap<>(m) : p).append('\u0000');
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String hash(DesiredUser u) {
    return hash(u.fields(), u.customData(), u.groups(), u.roles(), u.departments(), u.mainDepartment());
  }

  private static String scalar(Object v) {
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return s.toLowerCase(Locale.ROOT);
    try {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
