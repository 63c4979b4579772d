package io.dirsync.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The directory user fields a mapping may set (Authing v2 CreateUserInput ∪ UpdateUserInput, less
 * those dirsync sets itself), their value types, and the conversion of mapped values to them.
 */
final class TargetFields {

  enum Type { STRING, BOOLEAN, LONG, DATETIME, EMAIL }

  /** Custom data (UDF) types. */
  enum DataType { STRING, NUMBER, BOOLEAN, DATETIME }

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  static final Map<String, Type> FIELDS = fields();

  /** In CreateUserInput only: they can be set when a user is created, never updated. */
  static final Set<String> CREATE_ONLY = Set.of("signedUp", "isDeleted");

  /** Fields a mapping may not set, with the reason. */
  static final Map<String, String> RESERVED = Map.of(
      "externalId", "externalId is set by users.externalId",
      "password", "the password is set by users.password",
      "mainDepartmentId", "the main department is set by the departments rules",
      "mainDepartmentCode", "the main department is set by the departments rules",
      "registerSource", "registerSource is not managed by dirsync",
      "customData", "custom data goes under users.customData");

  private TargetFields() {}

  private static Map<String, Type> fields() {
    Map<String, Type> m = new TreeMap<>();
    for (String f : ("username phone unionid openid nickname photo browser oauth company lastIP device name "
        + "givenName familyName middleName profile preferredUsername website gender birthdate zoneinfo locale "
        + "address formatted streetAddress locality region postalCode country phoneCountryCode city province "
        + "directManagement").split(" ")) {
      m.put(f, Type.STRING);
    }
    // SCIM core and enterprise-extension attributes (RFC 7643 §4.1, §4.3); the Authing adapters refuse them
    for (String f : "title userType preferredLanguage employeeNumber department manager costCenter division".split(" ")) {
      m.put(f, Type.STRING);
    }
    for (String f : new String[] {"emailVerified", "phoneVerified", "blocked", "isDeleted"}) m.put(f, Type.BOOLEAN);
    for (String f : new String[] {"lastLogin", "signedUp", "tokenExpiredAt", "expiredAt"}) m.put(f, Type.DATETIME);
    m.put("loginsCount", Type.LONG);
    m.put("email", Type.EMAIL);
    return Map.copyOf(m);
  }

  /** Converts a mapped value to a field of {@code type}; throws MappingFailure when it does not fit. */
  static Object convert(Object value, Type type) {
    return switch (type) {
      case BOOLEAN -> bool(value);
      case LONG -> whole(value);
      case DATETIME -> dateTime(value);
      case EMAIL -> email(value);
      case STRING -> text(value);
    };
  }

  static Object convert(Object value, DataType type) {
    return switch (type) {
      case BOOLEAN -> bool(value);
      case NUMBER -> number(value);
      case DATETIME -> dateTime(value);
      case STRING -> text(value);
    };
  }

  static String text(Object value) {
    if (value instanceof byte[]) {
      throw new MappingFailure("the value is binary; add a guid, sid or base64 transform");
    }
    return String.valueOf(value);
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) return b;
    String t = text(value).trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new MappingFailure(MappingFailure.quote(value) + " is not true or false");
    };
  }

  private static Long whole(Object value) {
    if (value instanceof Long l) return l;
    if (value instanceof Integer i) return i.longValue();
    try {
      return Long.parseLong(text(value).trim());
    } catch (NumberFormatException e) {
      throw new MappingFailure(MappingFailure.quote(value) + " is not a whole number");
    }
  }

  private static Object number(Object value) {
    if (value instanceof Long || value instanceof Double) return value;
    if (value instanceof Integer i) return i.longValue();
    if (value instanceof Number n) return n.doubleValue();
    String t = text(value).trim();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException notWhole) {
      try {
        double d = Double.parseDouble(t);
        if (Double.isFinite(d)) return d;
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new MappingFailure(MappingFailure.quote(value) + " is not a number");
    }
  }

  private static String dateTime(Object value) {
    String t = text(value).trim();
    if (!DirectoryValues.isIsoDateTime(t)) {
      throw new MappingFailure(MappingFailure.quote(t) + " is not an ISO-8601 time such as 2024-01-02T03:04:05Z");
    }
    return t;
  }

  private static String email(Object value) {
    String t = text(value).trim();
    if (!EMAIL.matcher(t).matches()) throw new MappingFailure(MappingFailure.quote(t) + " is not an email");
    return t;
  }
}
