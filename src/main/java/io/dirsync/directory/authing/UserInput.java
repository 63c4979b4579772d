package io.dirsync.directory.authing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a {@code createUser} ({@link #forCreate}) or {@code updateUser} ({@link #forUpdate})
 * call, checked against Authing's {@code CreateUserInput} / {@code UpdateUserInput}: unknown keys and
 * values of the wrong type are refused at once. A {@code password} is sent encrypted. In an update a
 * null value is sent as an explicit null. {@link #toString()} hides the password.
 */
public final class UserInput {
  static final Set<String> CREATE_KEYS = Set.of("username", "email", "emailVerified", "phone", "phoneVerified", "unionid",
      "openid", "nickname", "photo", "password", "registerSource", "browser", "oauth", "loginsCount", "lastLogin", "company",
      "lastIP", "signedUp", "blocked", "isDeleted", "device", "name", "givenName", "familyName", "middleName", "profile",
      "preferredUsername", "website", "gender", "birthdate", "zoneinfo", "locale", "address", "formatted", "streetAddress",
      "locality", "region", "postalCode", "country", "externalId", "phoneCountryCode");
  static final Set<String> UPDATE_KEYS = Set.of("email", "unionid", "openid", "emailVerified", "phone", "phoneVerified", "username",
      "nickname", "password", "photo", "company", "browser", "device", "oauth", "tokenExpiredAt", "loginsCount", "lastLogin",
      "lastIP", "blocked", "name", "givenName", "familyName", "middleName", "profile", "preferredUsername", "website", "gender",
      "birthdate", "zoneinfo", "locale", "address", "formatted", "streetAddress", "locality", "region", "postalCode", "city",
      "province", "country", "externalId", "phoneCountryCode", "mainDepartmentId", "mainDepartmentCode", "expiredAt",
      "directManagement");
  private static final Set<String> BOOLEANS = Set.of("emailVerified", "phoneVerified", "blocked", "isDeleted");
  private static final Set<String> INTS = Set.of("loginsCount");

  private final Map<String, Object> values;

  private UserInput(Map<String, Object> values) {
    this.values = values;
  }

  /** Fields for {@code createUser}; null values are left out. */
  public static UserInput forCreate(Map<String, ?> fields) {
    return new UserInput(check(fields, CREATE_KEYS, "CreateUserInput", false));
  }

  /** Fields for {@code updateUser}; a null value is sent as null. */
  public static UserInput forUpdate(Map<String, ?> fields) {
    return new UserInput(check(fields, UPDATE_KEYS, "UpdateUserInput", true));
  }

  /** The checked values, in the order given (password still in clear). */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The values with the password replaced by {@code encrypt(password)}. */
  Map<String, Object> wire(java.util.function.UnaryOperator<String> encrypt) {
    Map<String, Object> out = new LinkedHashMap<>(values);
    if (out.get("password") instanceof String p) out.put("password", encrypt.apply(p));
    return out;
  }

  private static Map<String, Object> check(Map<String, ?> fields, Set<String> allowed, String type, boolean keepNulls) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((key, value) -> {
      if (!allowed.contains(key)) throw new IllegalArgumentException(key + " is not a field of Authing's " + type);
      if (value == null) {
        if (keepNulls) out.put(key, null);
        return;
      }
      out.put(key, coerce(key, value, type));
    });
    return out;
  }

  private static Object coerce(String key, Object value, String type) {
    if (BOOLEANS.contains(key)) {
      if (value instanceof Boolean) return value;
      throw new IllegalArgumentException(type + "." + key + " must be a Boolean, got " + value.getClass().getSimpleName());
    }
    if (INTS.contains(key)) {
      if (value instanceof Number n && n.longValue() == n.doubleValue() && Math.abs(n.longValue()) <= Integer.MAX_VALUE) {
        return n.intValue();
      }
      throw new IllegalArgumentException(type + "." + key + " must be a whole number");
    }
    if (key.equals("registerSource")) {
      if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) return List.copyOf(list);
      throw new IllegalArgumentException(type + ".registerSource must be a list of strings");
    }
    if (value instanceof String || value instanceof Number) return value.toString();
    throw new IllegalArgumentException(type + "." + key + " must be a String, got " + value.getClass().getSimpleName());
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>(values);
    if (shown.containsKey("password")) shown.put("password", "****");
    return "UserInput" + shown;
  }
}
