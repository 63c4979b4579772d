package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.model.DesiredUser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * dirsync's user fields as SCIM attributes (RFC 7643 §4.1 core User, §4.3 enterprise extension)
 * and custom data as one configured extension schema. Pure functions over Jackson trees.
 */
final class UserCodec {
  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Where a plain field lives: in the core schema (schema null) or an extension; sub-attribute or null. */
  record Attr(String schema, String name, String sub) {
    String path() {
      String p = sub == null ? name : name + "." + sub;
      return schema == null ? p : schema + ":" + p;
    }
  }

  private static final Map<String, Attr> FIELDS = fields();

  private static Map<String, Attr> fields() {
    Map<String, Attr> f = new LinkedHashMap<>();
    f.put("username", new Attr(null, "userName", null));
    f.put("name", new Attr(null, "displayName", null));
    f.put("nickname", new Attr(null, "nickName", null));
    f.put("givenName", new Attr(null, "name", "givenName"));
    f.put("familyName", new Attr(null, "name", "familyName"));
    f.put("middleName", new Attr(null, "name", "middleName"));
    f.put("formatted", new Attr(null, "name", "formatted"));
    f.put("title", new Attr(null, "title", null));
    f.put("userType", new Attr(null, "userType", null));
    f.put("locale", new Attr(null, "locale", null));
    f.put("preferredLanguage", new Attr(null, "preferredLanguage", null));
    f.put("zoneinfo", new Attr(null, "timezone", null));
    f.put("profile", new Attr(null, "profileUrl", null));
    f.put("employeeNumber", new Attr(ENTERPRISE, "employeeNumber", null));
    f.put("company", new Attr(ENTERPRISE, "organization", null));
    f.put("division", new Attr(ENTERPRISE, "division", null));
    f.put("costCenter", new Attr(ENTERPRISE, "costCenter", null));
    f.put("department", new Attr(ENTERPRISE, "department", null));
    f.put("manager", new Attr(ENTERPRISE, "manager", "value"));
    return Map.copyOf(f);
  }

  /** Fields with their own handling: multi-valued work email and phone, and blocked as the inverse of active. */
  private static final List<String> SPECIAL = List.of("email", "phone", "blocked");

  private UserCodec() {}

  static boolean knows(String field) {
    return FIELDS.containsKey(field) || SPECIAL.contains(field);
  }

  /** Whether the field lives in the enterprise extension. */
  static boolean enterprise(String field) {
    Attr attr = FIELDS.get(field);
    return attr != null && ENTERPRISE.equals(attr.schema());
  }

  static String unknownField(String field) {
    TreeSet<String> known = new TreeSet<>(FIELDS.keySet());
    known.addAll(SPECIAL);
    return "field " + field + " has no SCIM attribute (dirsync maps " + String.join(", ", known) + ")";
  }

  /** The POST /Users body: schemas, externalId, fields, password (clear text only), custom data. */
  static ObjectNode forCreate(DesiredUser user, String customSchema) {
    ObjectNode node = NODES.objectNode();
    node.putArray("schemas").add(CORE);
    node.put("externalId", user.externalId().value());
    node.put("active", true);
    user.fields().forEach((k, v) -> put(node, k, v));
    if (user.password() != null && !user.password().keep()) node.put("password", user.password().value());
    if (!user.customData().isEmpty()) putCustom(node, customSchema, user.customData());
    addSchemas(node);
    return node;
  }

  /** Sets (or with null removes) one field on a full user resource, as for PUT. */
  static void put(ObjectNode user, String field, Object value) {
    switch (field) {
      case "email" -> multi(user, "emails", value);
      case "phone" -> multi(user, "phoneNumbers", value);
      case "blocked" -> user.put("active", !Boolean.TRUE.equals(value));
      default -> {
        Attr attr = FIELDS.get(field);
        if (attr == null) throw ScimErrors.invalid(unknownField(field));
        ObjectNode holder = attr.schema() == null ? user : user.with(attr.schema());
        if (attr.sub() == null) {
          set(holder, attr.name(), value);
        } else {
          ObjectNode complex = holder.with(attr.name());
          set(complex, attr.sub(), value);
          if (complex.isEmpty()) holder.remove(attr.name());
        }
        if (attr.schema() != null && holder.isEmpty()) user.remove(attr.schema());
      }
    }
  }

  static void putCustom(ObjectNode user, String customSchema, Map<String, Object> values) {
    ObjectNode ext = user.with(customSchema);
    values.forEach((k, v) -> set(ext, k, v));
    if (ext.isEmpty()) user.remove(customSchema);
  }

  /** Makes {@code schemas} list exactly the extensions the resource carries. */
  static void addSchemas(ObjectNode user) {
    ArrayNode schemas = user.putArray("schemas");
    schemas.add(CORE);
    Iterator<String> names = user.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.startsWith("urn:") && user.get(name).isObject()) schemas.add(name);
    }
  }

  /** PATCH operations that set exactly these fields (null removes). */
  static List<ObjectNode> patchOps(Map<String, Object> changes) {
    return patchOps(changes, java.util.Set.of());
  }

  /**
   * PATCH operations that set exactly these fields (null or blank removes); a core attribute whose
   * name an extension also uses ({@code ambiguous}) gets its fully qualified path, which servers
   * otherwise refuse as ambiguous.
   */
  static List<ObjectNode> patchOps(Map<String, Object> changes, java.util.Set<String> ambiguous) {
    List<ObjectNode> ops = new ArrayList<>();
    changes.forEach((field, value) -> {
      switch (field) {
        case "email" -> ops.add(value == null ? op("remove", "emails", null) : op("replace", "emails", multiValue(value)));
        case "phone" -> ops.add(value == null ? op("remove", "phoneNumbers", null) : op("replace", "phoneNumbers", multiValue(value)));
        case "blocked" -> ops.add(op("replace", "active", NODES.booleanNode(!Boolean.TRUE.equals(value))));
        default -> {
          Attr attr = FIELDS.get(field);
          if (attr == null) throw ScimErrors.invalid(unknownField(field));
          String path = attr.schema() == null && ambiguous.contains(attr.name()) ? CORE + ":" + attr.path() : attr.path();
          ops.add(blank(value) ? op("remove", path, null) : op("replace", path, scalar(value)));
        }
      }
    });
    return ops;
  }

  static List<ObjectNode> customPatchOps(String customSchema, Map<String, Object> values) {
    List<ObjectNode> ops = new ArrayList<>();
    values.forEach((k, v) -> ops.add(v == null ? op("remove", customSchema + ":" + k, null) : op("replace", customSchema + ":" + k, scalar(v))));
    return ops;
  }

  static ObjectNode patchRequest(List<ObjectNode> ops) {
    ObjectNode body = NODES.objectNode();
    body.putArray("schemas").add(PATCH_OP);
    ArrayNode operations = body.putArray("Operations");
    ops.forEach(operations::add);
    return body;
  }

  static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode node = NODES.objectNode().put("op", op);
    if (path != null) node.put("path", path);
    if (value != null) node.set("value", value);
    return node;
  }

  /** The port's fields of a SCIM user: every attribute dirsync maps, blocked always present. */
  static Map<String, Object> fieldsOf(JsonNode user) {
    Map<String, Object> out = new LinkedHashMap<>();
    FIELDS.forEach((field, attr) -> {
      JsonNode holder = attr.schema() == null ? user : user.path(attr.schema());
      JsonNode v = holder.path(attr.name());
      if (attr.sub() != null) v = v.path(attr.sub());
      if (v.isValueNode() && !v.isNull()) out.put(field, v.asText());
    });
    String email = primary(user.path("emails"));
    if (email != null) out.put("email", email);
    String phone = primary(user.path("phoneNumbers"));
    if (phone != null) out.put("phone", phone);
    out.put("blocked", user.has("active") && !user.get("active").asBoolean(true));
    return out;
  }

  /** Custom data from the extension: integers as Long, decimals as Double. */
  static Map<String, Object> customOf(JsonNode user, String customSchema) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (customSchema == null) return out;
    user.path(customSchema).fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.isIntegralNumber()) out.put(e.getKey(), v.asLong());
      else if (v.isNumber()) out.put(e.getKey(), v.asDouble());
      else if (v.isBoolean()) out.put(e.getKey(), v.asBoolean());
      else if (v.isValueNode() && !v.isNull()) out.put(e.getKey(), v.asText());
      else if (!v.isNull()) out.put(e.getKey(), v.toString());
    });
    return out;
  }

  private static String primary(JsonNode values) {
    if (!values.isArray() || values.isEmpty()) return null;
    for (JsonNode v : values) {
      if (v.path("primary").asBoolean(false) && v.hasNonNull("value")) return v.get("value").asText();
    }
    return values.get(0).hasNonNull("value") ? values.get(0).get("value").asText() : null;
  }

  private static void multi(ObjectNode user, String attribute, Object value) {
    if (value == null) user.remove(attribute);
    else user.set(attribute, multiValue(value));
  }

  private static ArrayNode multiValue(Object value) {
    ArrayNode array = NODES.arrayNode();
    array.addObject().put("value", String.valueOf(value)).put("type", "work").put("primary", true);
    return array;
  }

  /** Null or a blank string: SCIM has the attribute removed rather than set empty. */
  private static boolean blank(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }

  private static void set(ObjectNode node, String name, Object value) {
    if (blank(value)) node.remove(name);
    else node.set(name, scalar(value));
  }

  static JsonNode scalar(Object value) {
    if (value instanceof Boolean b) return NODES.booleanNode(b);
    if (value instanceof Long l) return NODES.numberNode(l);
    if (value instanceof Integer i) return NODES.numberNode(i.longValue());
    if (value instanceof Double d) return NODES.numberNode(d);
    return NODES.textNode(String.valueOf(value));
  }
}
