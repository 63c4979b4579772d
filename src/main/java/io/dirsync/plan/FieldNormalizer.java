package io.dirsync.plan;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.MatchType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether two field values are equal in meaning, so that representation differences never
 * cause an update: email case and surrounding blanks, phone formats, null versus empty, booleans
 * and numbers versus their string forms, ISO-8601 date-times in different offsets.
 */
public final class FieldNormalizer {

  private FieldNormalizer() {}

  /** Whether {@code a} and {@code b} mean the same value of {@code field}. */
  public static boolean equivalent(String field, Object a, Object b) {
    return equivalent(field, a, b, null, null);
  }

  /**
   * Like {@link #equivalent(String, Object, Object)}, with the phone country code each side holds
   * (e.g. {@code "+86"}, or null) so national and international phone forms can be compared.
   */
  public static boolean equivalent(String field, Object a, Object b, String countryCodeA, String countryCodeB) {
    if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
    if (a instanceof Boolean || b instanceof Boolean || a instanceof Number || b instanceof Number) {
      return scalar(a).equals(scalar(b)) || sameEpochMillis(a, b);
    }
    String x = a.toString().trim();
    String y = b.toString().trim();
    if (x.equals(y)) return true;
    if ("email".equals(field)) return x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT));
    if ("phone".equals(field)) return samePhone(x, y, countryCodeA, countryCodeB);
    Optional<Instant> ix = instant(x);
    return ix.isPresent() && ix.equals(instant(y));
  }

  /** Null, or a string with nothing but blanks. */
  public static boolean isEmpty(Object v) {
    return v == null || (v instanceof CharSequence s && s.toString().isBlank());
  }

  private static String scalar(Object v) {
    if (v instanceof Boolean b) return b.toString();
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return s.toLowerCase(Locale.ROOT);
    try {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return s;
    }
  }

  /** A date-time custom value read back as epoch milliseconds against its ISO-8601 form. */
  private static boolean sameEpochMillis(Object a, Object b) {
    Object number = a instanceof Number ? a : b;
    Object other = number == a ? b : a;
    if (!(number instanceof Long millis) || !(other instanceof CharSequence text)) return false;
    return instant(text.toString().trim()).map(i -> i.toEpochMilli() == millis).orElse(false);
  }

  static boolean samePhone(String a, String b, String ccA, String ccB) {
    String x = withCountryCode(a, ccA);
    String y = withCountryCode(b, ccB);
    try {
      MatchType match = PhoneNumberUtil.getInstance().isNumberMatch(x, y);
      if (match == MatchType.EXACT_MATCH || match == MatchType.NSN_MATCH) return true;
      if (match != MatchType.NOT_A_NUMBER) return false;
    } catch (RuntimeException e) {
      // fall through to a digit comparison
    }
    return digits(x).equals(digits(y));
  }

  private static String withCountryCode(String phone, String countryCode) {
    if (phone.startsWith("+") || isEmpty(countryCode)) return phone;
    String cc = digits(countryCode);
    return cc.isEmpty() ? phone : "+" + cc + " " + phone;
  }

  private static String digits(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (Character.isDigit(c)) out.append(c);
    }
    return out.toString();
  }

  /** The instant an ISO-8601 date-time with an offset or zone denotes, if it is one. */
  static Optional<Instant> instant(String s) {
    if (s.length() < 16 || !Character.isDigit(s.charAt(0)) || s.charAt(4) != '-') return Optional.empty();
    String iso = s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    try {
      return Optional.of(ZonedDateTime.parse(iso, DateTimeFormatter.ISO_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
