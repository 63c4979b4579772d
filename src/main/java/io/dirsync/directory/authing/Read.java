package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads the server's JSON into the client's records. Pure functions. */
final class Read {
  /** Keys of a User object that are not plain fields. */
  private static final Set<String> NOT_FIELDS = Set.of("id", "password", "token", "identities", "customData", "registerSource",
      "groups", "departments", "roles", "authorizedResources");

  private Read() {}

  static User user(JsonNode n) {
    return user(n, null);
  }

  static User user(JsonNode n, UserMemberships memberships) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (NOT_FIELDS.contains(e.getKey())) continue;
      Object v = scalar(e.getValue());
      if (v != null) fields.put(e.getKey(), v);
    }
    List<Map<String, Object>> identities = new ArrayList<>();
    for (JsonNode i : n.path("identities")) {
      Map<String, Object> ident = new LinkedHashMap<>();
      i.fields().forEachRemaining(e -> {
        Object v = scalar(e.getValue());
        if (v != null && !e.getKey().endsWith("Token")) ident.put(e.getKey(), v);
      });
      identities.add(ident);
    }
    return new User(n.path("id").asText(), fields, strings(n.path("registerSource")), identities, customData(n.path("customData")),
        memberships);
  }

  /** {@code [{key,value,dataType,label}]} → decoded map. */
  static Map<String, Object> customData(JsonNode list) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonNode d : list) {
      Object v = CustomData.decode(text(d, "dataType"), text(d, "value"));
      if (v != null) out.put(d.path("key").asText(), v);
    }
    return out;
  }

  static List<UdfValue> udfValues(JsonNode list) {
    return list(list, d -> new UdfValue(text(d, "key"), text(d, "dataType"), text(d, "value"), text(d, "label")));
  }

  static Group group(JsonNode n) {
    return new Group(text(n, "code"), text(n, "name"), text(n, "description"), text(n, "createdAt"), text(n, "updatedAt"));
  }

  static Role role(JsonNode n) {
    JsonNode parent = n.get("parent");
    return new Role(text(n, "id"), text(n, "namespace"), text(n, "code"), text(n, "arn"), text(n, "description"),
        text(n, "createdAt"), text(n, "updatedAt"), parent == null || parent.isNull() ? null : role(parent));
  }

  static Node node(JsonNode n) {
    return new Node(text(n, "id"), text(n, "orgId"), text(n, "name"), text(n, "nameI18n"), text(n, "description"),
        text(n, "descriptionI18n"), integer(n, "order"), text(n, "code"), n.path("root").asBoolean(false), integer(n, "depth"),
        strings(n.path("path")), strings(n.path("codePath")), strings(n.path("namePath")), text(n, "createdAt"),
        text(n, "updatedAt"), strings(n.path("children")));
  }

  static Org org(JsonNode n) {
    return new Org(text(n, "id"), node(n.path("rootNode")), list(n.path("nodes"), Read::node));
  }

  static UserDepartment userDepartment(JsonNode n) {
    return new UserDepartment(node(n.path("department")), n.path("isMainDepartment").asBoolean(false), text(n, "joinedAt"));
  }

  static UdfDefinition udf(JsonNode n) {
    return new UdfDefinition(text(n, "targetType"), text(n, "dataType"), text(n, "key"), text(n, "label"), text(n, "options"));
  }

  static CommonMessage message(JsonNode n) {
    return new CommonMessage(n.path("code").asInt(200), text(n, "message"));
  }

  static PolicyAssignment policyAssignment(JsonNode n) {
    return new PolicyAssignment(text(n, "code"), text(n, "targetType"), text(n, "targetIdentifier"));
  }

  static AuthorizedResource resource(JsonNode n) {
    return new AuthorizedResource(text(n, "code"), text(n, "type"), strings(n.path("actions")), text(n, "apiIdentifier"));
  }

  static <T> Paginated<T> page(JsonNode n, Function<JsonNode, T> item) {
    return new Paginated<>(n.path("totalCount").asInt(0), list(n.path("list"), item));
  }

  static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
    List<T> out = new ArrayList<>();
    if (array != null && array.isArray()) array.forEach(e -> {
      if (!e.isNull()) out.add(item.apply(e));
    });
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) array.forEach(e -> out.add(e.isNull() ? null : e.asText()));
    return out;
  }

  static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Integer integer(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || !v.canConvertToInt() ? null : v.asInt();
  }

  /** String, Boolean or Long; null for nulls, objects and arrays. */
  private static Object scalar(JsonNode v) {
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isIntegralNumber()) return v.asLong();
    return v.asText();
  }
}
