package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.CreateResult;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User creates through {@code POST /Bulk} (RFC 7644 §3.7): one request per batch of at most the
 * server's {@code maxOperations}, split further so no request exceeds its {@code maxPayloadSize}.
 * Each operation's own status decides its user's result.
 */
final class ScimBulk {
  private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A created user's resource as sent, with the id the server gave it (null when refused). */
  record Created(DesiredUser user, ObjectNode resource, DirectoryException failure) {}

  private final ScimClient client;

  ScimBulk(ScimClient client) {
    this.client = client;
  }

  /** POSTs these user resources; {@code bodies} are the POST /Users bodies, in the users' order. */
  List<Created> create(List<DesiredUser> users, List<ObjectNode> bodies, ServerFeatures features) {
    List<Created> out = new ArrayList<>();
    int from = 0;
    while (from < users.size()) {
      int to = from;
      long size = 200;
      while (to < users.size() && to - from < features.bulkMaxOperations()) {
        long op = bodies.get(to).toString().getBytes(StandardCharsets.UTF_8).length + 120L;
        if (to > from && features.bulkMaxPayloadSize() > 0 && size + op > features.bulkMaxPayloadSize()) break;
        size += op;
        to++;
      }
      out.addAll(send(users.subList(from, to), bodies.subList(from, to)));
      from = to;
    }
    return out;
  }

  private List<Created> send(List<DesiredUser> users, List<ObjectNode> bodies) {
    ObjectNode request = NODES.objectNode();
    request.putArray("schemas").add(BULK_REQUEST);
    ArrayNode operations = request.putArray("Operations");
    for (int i = 0; i < users.size(); i++) {
      operations.addObject().put("method", "POST").put("bulkId", "u" + i).put("path", "/Users").set("data", bodies.get(i));
    }
    JsonNode answer = client.send("POST", "Bulk", request, null).body();
    Map<String, JsonNode> byId = new HashMap<>();
    if (answer != null) answer.path("Operations").forEach(op -> byId.put(op.path("bulkId").asText(), op));
    List<Created> out = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      JsonNode op = byId.get("u" + i);
      if (op == null) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 200, "SCIM POST /Bulk answered no result for " + users.get(i).externalId(), null);
      int status = status(op.path("status"));
      if (status >= 200 && status < 300) {
        ObjectNode resource = bodies.get(i).deepCopy();
        String location = op.path("location").asText("");
        String id = op.path("response").path("id").asText(location.substring(location.lastIndexOf('/') + 1));
        if (id.isEmpty()) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, status, "SCIM POST /Bulk answered no id for " + users.get(i).externalId(), null);
        resource.put("id", id);
        out.add(new Created(users.get(i), resource, null));
        continue;
      }
      DirectoryException e = client.errors().http("POST /Bulk (" + users.get(i).externalId() + ")", status, op.path("response"), null);
      if (e.kind() != DirectoryException.Kind.PERMANENT) throw e;
      out.add(new Created(users.get(i), null, e));
    }
    return out;
  }

  /** RFC 7644 gives the status as a string ("201"); some servers send a number or {"code": 201}. */
  private static int status(JsonNode status) {
    if (status.isObject()) status = status.path("code");
    if (status.isNumber()) return status.asInt();
    String digits = status.asText("").trim();
    int end = 0;
    while (end < digits.length() && Character.isDigit(digits.charAt(end))) end++;
    return end == 0 ? 0 : Integer.parseInt(digits.substring(0, end));
  }

  static List<CreateResult> results(List<Created> created, java.util.function.Function<JsonNode, io.dirsync.model.DirectoryUser> convert) {
    List<CreateResult> out = new ArrayList<>();
    for (Created c : created) out.add(c.failure() != null ? CreateResult.failed(c.user(), c.failure()) : CreateResult.created(c.user(), convert.apply(c.resource())));
    return out;
  }
}
