package io.dirsync.source.ldap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure converters for Active Directory values. Each throws IllegalArgumentException on bad input. */
public final class AdValues {
  /** 100-ns intervals between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;
  private static final Pattern GENERALIZED =
      Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(\\d{2})?(?:[.,](\\d+))?(Z|[+-]\\d{2}(?:\\d{2})?)?");

  private AdValues() {}

  /**
   * objectGUID bytes as the canonical string AD shows ({@code {…}} without braces): the first
   * three fields are little-endian, the last two big-endian.
   */
  public static String guidToString(byte[] b) {
    if (b == null || b.length != 16) {
      throw new IllegalArgumentException("an objectGUID has 16 bytes, not " + (b == null ? "null" : b.length));
    }
    return String.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
        b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  }

  /** The reverse of {@link #guidToString}: a GUID string to AD's objectGUID byte order (for filters, tests). */
  public static byte[] guidToBytes(String guid) {
    String hex = guid.replace("{", "").replace("}", "").replace("-", "");
    if (hex.length() != 32) throw new IllegalArgumentException("'" + guid + "' is not a GUID");
    byte[] plain = new byte[16];
    for (int i = 0; i < 16; i++) plain[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    int[] order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) out[i] = plain[order[i]];
    return out;
  }

  /** objectSid bytes as {@code S-1-5-21-…}: revision, 48-bit big-endian authority, little-endian sub-authorities. */
  public static String sidToString(byte[] b) {
    if (b == null || b.length < 8) throw new IllegalArgumentException("an objectSid has at least 8 bytes");
    int count = b[1] & 0xff;
    if (b.length != 8 + 4 * count) {
      throw new IllegalArgumentException("objectSid of " + b.length + " bytes does not hold " + count + " sub-authorities");
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) authority = (authority << 8) | (b[i] & 0xff);
    StringBuilder s = new StringBuilder("S-").append(b[0] & 0xff).append('-').append(authority);
    for (int i = 0; i < count; i++) {
      int o = 8 + 4 * i;
      long sub = (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
      s.append('-').append(sub);
    }
    return s.toString();
  }

  /** The reverse of {@link #sidToString}. */
  public static byte[] sidToBytes(String sid) {
    String[] parts = sid.split("-");
    if (parts.length < 3 || !parts[0].equals("S")) throw new IllegalArgumentException("'" + sid + "' is not a SID");
    int count = parts.length - 3;
    byte[] b = new byte[8 + 4 * count];
    b[0] = (byte) Integer.parseInt(parts[1]);
    b[1] = (byte) count;
    long authority = Long.parseLong(parts[2]);
    for (int i = 7; i >= 2; i--, authority >>= 8) b[i] = (byte) authority;
    for (int i = 0; i < count; i++) {
      long sub = Long.parseLong(parts[3 + i]);
      for (int j = 0; j < 4; j++) b[8 + 4 * i + j] = (byte) (sub >> (8 * j));
    }
    return b;
  }

  /**
   * A FILETIME ({@code accountExpires}, {@code pwdLastSet}, {@code lastLogonTimestamp}) as an
   * instant; null for 0 and 9223372036854775807, which AD uses for "never".
   */
  public static Instant fileTimeToInstant(String value) {
    long ticks = Long.parseLong(value.trim());
    if (ticks == 0 || ticks == Long.MAX_VALUE) return null;
    long sinceEpoch = ticks - FILETIME_EPOCH_OFFSET;
    return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L), Math.floorMod(sinceEpoch, 10_000_000L) * 100);
  }

  /** A GeneralizedTime ({@code whenChanged: 20240131235959.0Z}, {@code modifyTimestamp: 20240131235959Z}). */
  public static Instant generalizedTimeToInstant(String value) {
    Matcher m = GENERALIZED.matcher(value.trim());
    if (!m.matches()) throw new IllegalArgumentException("'" + value + "' is not a GeneralizedTime");
    try {
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      long nanos = 0;
      if (m.group(7) != null) {
        String fraction = (m.group(7) + "000000000").substring(0, 9);
        nanos = Long.parseLong(fraction);
      }
      String zone = m.group(8);
      ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
      return local.toInstant(offset).plusNanos(nanos);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + value + "' is not a GeneralizedTime: " + e.getMessage());
    }
  }
}
