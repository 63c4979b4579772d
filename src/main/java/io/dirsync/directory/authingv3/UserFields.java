package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The port's user fields (named as in the v2 API, which the mappings use) against v3's
 * {@code CreateUserReqDto} / {@code UpdateUserInfoDto} / {@code UserDto}. {@code blocked} is v3's
 * {@code status} (Suspended / Activated). Fields v3 cannot write are refused by name.
 */
final class UserFields {
  /** Writable on create and update, same name in the port and in v3. */
  static final Set<String> WRITABLE = Set.of("username", "email", "phone", "phoneCountryCode", "name", "nickname", "photo",
      "gender", "emailVerified", "phoneVerified", "birthdate", "country", "province", "city", "address", "streetAddress",
      "postalCode", "company", "browser", "device", "givenName", "familyName", "middleName", "profile", "preferredUsername",
      "website", "zoneinfo", "locale", "formatted", "region", "identityNumber");
  private static final Set<String> BOOLEANS = Set.of("emailVerified", "phoneVerified");
  /** Read back into the port's fields (besides WRITABLE and blocked). */
  private static final Map<String, String> READ_ONLY = Map.of("loginsCount", "loginsCount", "lastLogin", "lastLogin",
      "signedUp", "signedUp", "lastIp", "lastIP");

  private UserFields() {}

  /** Puts the port's {@code fields} into a v3 body; a null value is sent as null (it clears). */
  static void write(Map<String, Object> fields, ObjectNode body, String what) {
    fields.forEach((k, v) -> {
      if (k.equals("blocked")) {
        if (v == null) body.putNull("status");
        else if (v instanceof Boolean b) body.put("status", b ? "Suspended" : "Activated");
        else throw V3Errors.invalid(what, "blocked must be a Boolean");
        return;
      }
      if (!WRITABLE.contains(k)) {
        throw V3Errors.invalid(what, k + " is not a user field the Authing v3 API can write");
      }
      if (v == null) body.putNull(k);
      else if (BOOLEANS.contains(k)) {
        if (!(v instanceof Boolean b)) throw V3Errors.invalid(what, k + " must be a Boolean");
        body.put(k, b);
      } else body.put(k, v.toString());
    });
  }

  /** The port's fields of a {@code UserDto}. */
  static Map<String, Object> read(JsonNode user) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull() || v.isMissingNode()) continue;
      String k = e.getKey();
      if (WRITABLE.contains(k)) {
        if (v.isBoolean()) out.put(k, v.booleanValue());
        else if (v.isValueNode() && !v.asText().isEmpty()) out.put(k, v.asText());
      } else if (READ_ONLY.containsKey(k)) {
        out.put(READ_ONLY.get(k), v.isIntegralNumber() ? (Object) v.longValue() : v.asText());
      }
    }
    String status = user.path("status").asText("Activated");
    out.put("blocked", !status.equals("Activated"));
    return out;
  }

  /** Custom data as the port carries it: String, Boolean, Long or Double. */
  static Map<String, Object> customData(JsonNode user) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode custom = user.path("customData");
    for (Iterator<Map.Entry<String, JsonNode>> it = custom.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull()) continue;
      if (v.isBoolean()) out.put(e.getKey(), v.booleanValue());
      else if (v.isIntegralNumber()) out.put(e.getKey(), v.longValue());
      else if (v.isNumber()) out.put(e.getKey(), v.doubleValue());
      else if (v.isTextual()) out.put(e.getKey(), v.textValue());
      else out.put(e.getKey(), JsJson.stringify(v));
    }
    return out;
  }

  /** Custom-data values into a v3 {@code customData} object; null clears. */
  static ObjectNode customDataNode(Map<String, Object> values, ObjectNode into) {
    values.forEach((k, v) -> {
      if (v == null) into.putNull(k);
      else if (v instanceof Boolean b) into.put(k, b);
      else if (v instanceof Long || v instanceof Integer) into.put(k, ((Number) v).longValue());
      else if (v instanceof Number n) into.put(k, n.doubleValue());
      else into.put(k, v.toString());
    });
    return into;
  }
}
