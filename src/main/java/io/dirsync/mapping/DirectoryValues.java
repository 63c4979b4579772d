package io.dirsync.mapping;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions of directory-specific value forms: AD GUIDs and SIDs, FILETIME, GeneralizedTime. */
final class DirectoryValues {
  private static final Pattern GUID_TEXT =
      Pattern.compile("\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern SID_TEXT = Pattern.compile("S-1(-\\d+)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern GENERALIZED = Pattern.compile(
      "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(\\d{2})?(?:[.,](\\d+))?(Z|[+-]\\d{2}(?:\\d{2})?)?");
  /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  private DirectoryValues() {}

  /**
   * An AD objectGUID as the usual text ({@code 3f2504e0-4f89-11d3-9a0c-0305e82c3301}, lower case):
   * from the 16 raw bytes (first three groups little-endian), from text in that form (braces
   * allowed), from 32 hex digits of the raw bytes, or from the base64 of the raw bytes.
   */
  static String guid(Object value) {
    if (value instanceof byte[] bytes) return guidFromBytes(bytes, value);
    String text = Transform.text(value).trim();
    Matcher m = GUID_TEXT.matcher(text);
    if (m.matches()) return m.group(1).toLowerCase(Locale.ROOT);
    if (HEX32.matcher(text).matches()) return guidFromBytes(java.util.HexFormat.of().parseHex(text), value);
    try {
      return guidFromBytes(Base64.getDecoder().decode(text), value);
    } catch (IllegalArgumentException e) {
      throw new MappingFailure(MappingFailure.quote(text) + " is not a GUID");
    }
  }

  private static String guidFromBytes(byte[] b, Object original) {
    if (b.length != 16) throw new MappingFailure("a GUID has 16 bytes, not " + b.length + describe(original));
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long d1 = le.getInt(0) & 0xffffffffL;
    int d2 = le.getShort(4) & 0xffff;
    int d3 = le.getShort(6) & 0xffff;
    long high = (d1 << 32) | ((long) d2 << 16) | d3;
    long low = ByteBuffer.wrap(b, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
    return new UUID(high, low).toString();
  }

  /** An objectSid as text ({@code S-1-5-21-…}) from its binary form; text SIDs pass through. */
  static String sid(Object value) {
    if (!(value instanceof byte[] b)) {
      String text = Transform.text(value).trim();
      if (SID_TEXT.matcher(text).matches()) return text.toUpperCase(Locale.ROOT);
      throw new MappingFailure(MappingFailure.quote(text) + " is not a SID");
    }
    if (b.length < 8 || b.length != 8 + 4 * (b[1] & 0xff)) {
      throw new MappingFailure("a SID of " + b.length + " bytes is malformed");
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) authority = (authority << 8) | (b[i] & 0xff);
    StringBuilder out = new StringBuilder("S-").append(b[0] & 0xff).append('-').append(authority);
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < (b[1] & 0xff); i++) out.append('-').append(le.getInt(8 + 4 * i) & 0xffffffffL);
    return out.toString();
  }

  /**
   * A Windows FILETIME (100-ns intervals since 1601, as AD stores lastLogonTimestamp, pwdLastSet…)
   * as ISO-8601 UTC; 0 and the maximum value mean "never" and give no value (null).
   */
  static String filetime(Object value) {
    String text = Transform.text(value).trim();
    long ticks;
    try {
      ticks = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new MappingFailure(MappingFailure.quote(text) + " is not a FILETIME (a whole number)");
    }
    if (ticks <= 0 || ticks == Long.MAX_VALUE) return null;
    long sinceEpoch = ticks - FILETIME_EPOCH_OFFSET;
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L));
    return iso(instant);
  }

  /** An LDAP GeneralizedTime ({@code 20240102030405Z}, {@code 20240102110405.0+0800}) as ISO-8601 UTC. */
  static String generalizedTime(Object value) {
    String text = Transform.text(value).trim();
    Matcher m = GENERALIZED.matcher(text);
    if (!m.matches()) throw new MappingFailure(MappingFailure.quote(text) + " is not a GeneralizedTime");
    try {
      LocalDateTime local = LocalDateTime.of(num(m.group(1)), num(m.group(2)), num(m.group(3)),
          num(m.group(4)), m.group(5) == null ? 0 : num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)));
      String zone = m.group(8);
      ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
      return iso(OffsetDateTime.of(local, offset).toInstant());
    } catch (java.time.DateTimeException e) {
      throw new MappingFailure(MappingFailure.quote(text) + " is not a valid time: " + e.getMessage());
    }
  }

  static String iso(Instant instant) {
    return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /** Whether text is an ISO-8601 date-time with an offset or Z (what Authing accepts for times). */
  static boolean isIsoDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** Whether bit mask {@code mask} is set in the whole number {@code value}. */
  static Boolean flag(Object value, long mask) {
    String text = Transform.text(value).trim();
    try {
      return (Long.parseLong(text) & mask) != 0;
    } catch (NumberFormatException e) {
      throw new MappingFailure(MappingFailure.quote(text) + " is not a whole number, so flag(" + mask + ") cannot be read");
    }
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  private static String describe(Object original) {
    return original instanceof byte[] ? "" : " in " + MappingFailure.quote(Transform.text(original));
  }
}
