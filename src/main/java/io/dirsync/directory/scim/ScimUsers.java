package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The /Users endpoint: look-ups by externalId, create, PATCH (or GET + PUT) updates, delete. Thread-safe. */
final class ScimUsers {
  private final ScimClient client;
  private final Supplier<ServerFeatures> features;
  private final String customSchema;

  ScimUsers(ScimClient client, Supplier<ServerFeatures> features, String customSchema) {
    this.client = client;
    this.features = features;
    this.customSchema = customSchema;
  }

  /** One filter {@code externalId eq "a" or externalId eq "b" …}, paged when the server answers fewer. */
  List<JsonNode> byExternalIds(Collection<ExternalId> ids) {
    ServerFeatures f = features.get();
    if (!f.filter()) throw ScimErrors.unsupported("the SCIM server does not support filters; dirsync looks users up by externalId");
    StringBuilder filter = new StringBuilder();
    for (ExternalId id : ids) {
      if (filter.length() > 0) filter.append(" or ");
      filter.append("externalId eq ").append(Paging.quote(id.value()));
    }
    List<JsonNode> out = new ArrayList<>();
    long start = 1;
    for (int page = 0; page <= ids.size(); page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("filter", filter.toString());
      query.put("startIndex", Long.toString(start));
      query.put("count", Integer.toString(Math.min(ids.size(), f.filterMaxResults())));
      JsonNode answer = client.get("Users", query).body();
      JsonNode resources = answer == null ? null : answer.get("Resources");
      if (resources == null || resources.isEmpty()) break;
      resources.forEach(out::add);
      start += resources.size();
      if (start > answer.path("totalResults").asLong(0)) break;
    }
    return out;
  }

  /** One POST /Users with the body a bulk operation carries too ({@link #createBody}). */
  JsonNode create(DesiredUser user) {
    return client.send("POST", "Users", createBody(user), null).body();
  }

  /**
   * The POST /Users body with fields, password, custom data and the main department (the enterprise
   * department attribute, where the server declares the extension). Refuses fields SCIM has no
   * attribute for.
   */
  ObjectNode createBody(DesiredUser user) {
    for (String field : user.fields().keySet()) {
      if (!UserCodec.knows(field)) throw ScimErrors.invalid(UserCodec.unknownField(field) + ", for " + user.externalId());
    }
    checkEnterprise(user.fields().keySet(), " for " + user.externalId());
    if (!user.customData().isEmpty()) checkCustom(user.customData());
    ObjectNode body = UserCodec.forCreate(user, customSchema);
    if (!user.customData().isEmpty()) body = withTypedCustom(body, user.customData());
    if (user.mainDepartment() != null && features.get().enterprise()) {
      UserCodec.put(body, "department", user.mainDepartment());
      UserCodec.addSchemas(body);
    }
    return body;
  }

  /** PATCH of exactly these fields where the server offers PATCH; else GET, change, PUT (with If-Match). */
  JsonNode update(String userId, Map<String, Object> changes) {
    if (changes.isEmpty()) return client.get("Users/" + userId, Map.of()).body();
    checkEnterprise(changes.keySet(), "");
    if (features.get().patch()) return patch(userId, UserCodec.patchOps(changes, features.get().extensionAttributes()));
    return put(userId, user -> changes.forEach((k, v) -> UserCodec.put(user, k, v)));
  }

  void setCustom(String userId, Map<String, Object> values) {
    if (values.isEmpty()) return;
    checkCustom(values);
    Map<String, Object> typed = typed(values);
    if (features.get().patch()) patch(userId, UserCodec.customPatchOps(customSchema, typed));
    else put(userId, user -> UserCodec.putCustom(user, customSchema, typed));
  }

  void delete(String userId) {
    try {
      client.delete("Users/" + userId);
    } catch (DirectoryException e) {
      if (e.httpStatus() != 404) throw e;
    }
  }

  private JsonNode patch(String userId, List<ObjectNode> ops) {
    ScimClient.Answer answer = client.send("PATCH", "Users/" + userId, UserCodec.patchRequest(ops), null);
    return answer.body() != null && answer.body().hasNonNull("id") ? answer.body() : client.get("Users/" + userId, Map.of()).body();
  }

  private JsonNode put(String userId, java.util.function.Consumer<ObjectNode> change) {
    ScimClient.Answer current = client.get("Users/" + userId, Map.of());
    ObjectNode user = (ObjectNode) current.body();
    change.accept(user);
    user.remove("meta");
    user.remove("groups");
    UserCodec.addSchemas(user);
    return client.send("PUT", "Users/" + userId, user, features.get().etag() ? current.etag() : null).body();
  }

  /** Fields of the enterprise extension are refused, naming the field, when the server does not declare it. */
  private void checkEnterprise(java.util.Set<String> fields, String forWhom) {
    if (features.get().enterprise()) return;
    for (String field : fields) {
      if (UserCodec.enterprise(field)) {
        throw ScimErrors.invalid("field " + field + " is an attribute of the enterprise extension (" + UserCodec.ENTERPRISE
            + "), which the SCIM server does not declare for Users in /ResourceTypes" + forWhom);
      }
    }
  }

  private void checkCustom(Map<String, Object> values) {
    if (customSchema == null) {
      throw ScimErrors.invalid("custom data " + values.keySet() + " needs a SCIM extension schema: set target.customSchema");
    }
    Map<String, String> types = features.get().customTypes();
    if (types.isEmpty()) return;
    for (String key : values.keySet()) {
      if (!types.containsKey(key)) {
        throw ScimErrors.invalid("custom field " + key + " is not an attribute of the SCIM schema " + customSchema
            + " (it has " + new java.util.TreeSet<>(types.keySet()) + "); SCIM servers define their schemas themselves");
      }
    }
  }

  /** Values converted to the schema's types where they differ (a Long for a string attribute, …). */
  private Map<String, Object> typed(Map<String, Object> values) {
    Map<String, String> types = features.get().customTypes();
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, convert(v, types.get(k), k)));
    return out;
  }

  private ObjectNode withTypedCustom(ObjectNode body, Map<String, Object> values) {
    body.remove(customSchema);
    UserCodec.putCustom(body, customSchema, typed(values));
    UserCodec.addSchemas(body);
    return body;
  }

  private static Object convert(Object v, String type, String key) {
    if (v == null || type == null) return v;
    try {
      return switch (type) {
        case "integer" -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
        case "decimal" -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
        case "boolean" -> v instanceof Boolean ? v : Boolean.parseBoolean(v.toString());
        default -> v instanceof String ? v : v.toString();
      };
    } catch (NumberFormatException e) {
      throw ScimErrors.invalid("custom field " + key + ": '" + v + "' is not a SCIM " + type);
    }
  }
}
