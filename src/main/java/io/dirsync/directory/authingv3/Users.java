package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.model.DesiredUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The v3 user calls dirsync makes, with request bodies in the shapes of the SDK's DTOs. */
final class Users {
  static final int BATCH = 50;

  private final V3Transport transport;

  Users(V3Transport transport) {
    this.transport = transport;
  }

  /** {@code get-user-batch} by {@code external_id}, custom data and department ids included. */
  List<JsonNode> byExternalIds(Collection<String> externalIds, boolean departmentIds) {
    ObjectNode q = transport.object();
    externalIds.forEach(q.putArray("userIds")::add);
    q.put("userIdType", "external_id").put("withCustomData", true).put("flatCustomData", false)
        .put("withIdentities", false).put("withDepartmentIds", departmentIds);
    List<JsonNode> out = new ArrayList<>();
    transport.get("get-user-batch", q).forEach(out::add);
    return out;
  }

  /** The pool's user count ({@code list-users}, one user a page). */
  long count() {
    ObjectNode body = transport.object();
    body.putObject("options").putObject("pagination").put("page", 1).put("limit", 1);
    return transport.post("list-users", body).path("totalCount").asLong();
  }

  /** One item of {@code create-users-batch} (or the body of {@code create-user}, without options). */
  static ObjectNode item(DesiredUser user, List<String> departmentCodes, boolean withCustomData, ObjectNode into) {
    UserFields.write(user.fields(), into, "user " + user.externalId());
    if (into.has("status") && into.get("status").isNull()) into.remove("status");
    into.put("externalId", user.externalId().value());
    if (user.password() != null) into.put("password", user.password().value());
    if (!departmentCodes.isEmpty()) departmentCodes.forEach(into.putArray("departmentIds")::add);
    if (withCustomData && !user.customData().isEmpty()) UserFields.customDataNode(user.customData(), into.putObject("customData"));
    return into;
  }

  static ObjectNode options(boolean keepPassword, boolean departments, ObjectNode into) {
    if (keepPassword) into.put("keepPassword", true);
    if (departments) into.put("departmentIdType", "code");
    return into;
  }

  JsonNode create(ObjectNode body) {
    return transport.post("create-user", body);
  }

  JsonNode createBatch(List<ObjectNode> items, ObjectNode options) {
    ObjectNode body = transport.object();
    ArrayNode list = body.putArray("list");
    items.forEach(list::add);
    if (options.size() > 0) body.set("options", options);
    return transport.post("create-users-batch", body);
  }

  JsonNode update(String userId, Map<String, Object> fields, Map<String, Object> customData) {
    ObjectNode body = transport.object().put("userId", userId);
    UserFields.write(fields, body, "user " + userId);
    if (customData != null && !customData.isEmpty()) UserFields.customDataNode(customData, body.putObject("customData"));
    return transport.post("update-user", body);
  }

  /** {@code update-user-batch}: one item per user ({@code userId} is the Authing id), 50 a call. */
  JsonNode updateBatch(List<ObjectNode> items) {
    ObjectNode body = transport.object();
    ArrayNode list = body.putArray("list");
    items.forEach(list::add);
    return transport.post("update-user-batch", body);
  }

  /** One item of {@code update-user-batch} ({@code UpdateUserInfoDto}): fields, custom data, status. */
  static ObjectNode updateItem(String userId, Map<String, Object> fields, Map<String, Object> customData, boolean block, ObjectNode into) {
    into.put("userId", userId);
    UserFields.write(fields, into, "user " + userId);
    if (block) into.put("status", "Suspended");
    if (!customData.isEmpty()) UserFields.customDataNode(customData, into.putObject("customData"));
    return into;
  }

  void delete(List<String> userIds) {
    ObjectNode body = transport.object();
    userIds.forEach(body.putArray("userIds")::add);
    transport.post("delete-users-batch", body);
  }

  List<String> groupCodes(String userId) {
    List<String> out = new ArrayList<>();
    transport.get("get-user-groups", transport.object().put("userId", userId).put("userIdType", "user_id"))
        .path("list").forEach(g -> out.add(g.path("code").asText()));
    return out;
  }

  List<JsonNode> roles(String userId, String namespace) {
    List<JsonNode> out = new ArrayList<>();
    transport.get("get-user-roles", transport.object().put("userId", userId).put("userIdType", "user_id").put("namespace", namespace))
        .path("list").forEach(out::add);
    return out;
  }

  /** The user's departments in every org ({@code get-user-departments}, 50 a page). */
  List<JsonNode> departments(String userId) {
    List<JsonNode> out = new ArrayList<>();
    for (int page = 1; page <= 1000; page++) {
      ObjectNode q = transport.object().put("userId", userId).put("userIdType", "user_id").put("page", page).put("limit", BATCH);
      JsonNode data = transport.get("get-user-departments", q);
      data.path("list").forEach(out::add);
      if (data.path("list").size() < BATCH || (long) page * BATCH >= data.path("totalCount").asLong()) break;
    }
    return out;
  }

  /** {@code set-user-departments}: the user's whole department set, with the main one flagged. */
  void setDepartments(String userId, List<String> departmentIds, String mainId) {
    ObjectNode body = transport.object().put("userId", userId);
    ArrayNode list = body.putArray("departments");
    departmentIds.forEach(id -> list.addObject().put("departmentId", id).put("isMainDepartment", id.equals(mainId)));
    transport.post("set-user-departments", body);
  }
}
