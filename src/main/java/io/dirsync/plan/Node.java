package io.dirsync.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JSON node with its path, so reading errors say where they are. */
record Node(JsonNode json, String path) {

  Node get(String field) {
    JsonNode child = json.get(field);
    if (child == null || child.isNull()) throw problem(field, "missing");
    return new Node(child, where(field));
  }

  boolean has(String field) {
    JsonNode child = json.get(field);
    return child != null && !child.isNull();
  }

  String text(String field) {
    Node n = get(field);
    if (!n.json.isTextual()) throw problem(field, "expected a string");
    return n.json.asText();
  }

  String optionalText(String field) {
    return has(field) ? text(field) : null;
  }

  int integer(String field) {
    Node n = get(field);
    if (!n.json.canConvertToInt()) throw problem(field, "expected an integer");
    return n.json.asInt();
  }

  boolean bool(String field) {
    Node n = get(field);
    if (!n.json.isBoolean()) throw problem(field, "expected true or false");
    return n.json.asBoolean();
  }

  List<Node> array(String field) {
    if (!has(field)) return List.of();
    Node n = get(field);
    if (!n.json.isArray()) throw problem(field, "expected an array");
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < n.json.size(); i++) out.add(new Node(n.json.get(i), n.path + "[" + i + "]"));
    return out;
  }

  List<ExternalId> externalIds(String field) {
    List<ExternalId> out = new ArrayList<>();
    for (Node n : array(field)) out.add(n.externalId());
    return out;
  }

  ExternalId externalId() {
    if (!json.isTextual() || json.asText().isBlank()) throw new IllegalArgumentException(path + ": expected an externalId");
    return ExternalId.of(json.asText());
  }

  RoleRef role(String field) {
    Node r = get(field);
    return new RoleRef(r.optionalText("namespace"), r.text("code"));
  }

  /** A map of plain values (string, boolean, integral as Long, other numbers as Double). */
  Map<String, Object> values(String field) {
    Map<String, Object> out = new TreeMap<>();
    if (!has(field)) return out;
    Node n = get(field);
    if (!n.json.isObject()) throw problem(field, "expected an object");
    Iterator<Map.Entry<String, JsonNode>> it = n.json.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Object v = value(e.getValue(), n.where(e.getKey()));
      if (v != null) out.put(e.getKey(), v);
    }
    return out;
  }

  /** A field that may hold any plain value or null. */
  Object value(String field) {
    JsonNode child = json.get(field);
    return child == null ? null : value(child, where(field));
  }

  static Object value(JsonNode v, String path) {
    if (v == null || v.isNull()) return null;
    if (v.isTextual()) return v.asText();
    if (v.isBoolean()) return v.asBoolean();
    if (v.isIntegralNumber()) return v.asLong();
    if (v.isNumber()) return v.asDouble();
    throw new IllegalArgumentException(path + ": expected a string, number, boolean or null");
  }

  private String where(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private IllegalArgumentException problem(String field, String what) {
    return new IllegalArgumentException(where(field) + ": " + what);
  }
}
