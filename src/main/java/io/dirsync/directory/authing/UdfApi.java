package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom fields: definitions (UDF) and values (UDV) of any target type ({@code USER}, {@code ROLE},
 * {@code NODE}…). Values are written JSON-encoded and read back as text. Thread-safe.
 */
public final class UdfApi {
  private final Transport t;

  UdfApi(Transport transport) {
    this.t = transport;
  }

  /** Defines (or relabels) a field; {@code dataType} is STRING, NUMBER, DATETIME, BOOLEAN, OBJECT or SELECT. */
  public UdfDefinition set(String targetType, String key, String dataType, String label) {
    Vars vars = Vars.of("targetType", targetType).put("key", key).put("dataType", dataType).put("label", label);
    return Read.udf(t.graphqlObject("setUdf", Gql.SET_UDF, vars.map()));
  }

  public List<UdfDefinition> list(String targetType) {
    return Read.list(t.graphql("udf", Gql.UDF, Vars.of("targetType", targetType).map()), Read::udf);
  }

  public CommonMessage remove(String targetType, String key) {
    return Read.message(t.graphql("removeUdf", Gql.REMOVE_UDF, Vars.of("targetType", targetType).put("key", key).map()));
  }

  /** The target's values as the server holds them. */
  public List<UdfValue> listUdv(String targetType, String targetId) {
    return Read.udfValues(t.graphql("udv", Gql.UDV_QUERY, Vars.of("targetType", targetType).put("targetId", targetId).map()));
  }

  /** Values of many targets, decoded, by target id. */
  public Map<String, Map<String, Object>> values(String targetType, Collection<String> targetIds) {
    if (targetIds.isEmpty()) throw Errors.invalid("udfValueBatch", "empty target id list");
    JsonNode n = t.graphql("udfValueBatch", Gql.UDF_VALUE_BATCH,
        Vars.of("targetType", targetType).put("targetIds", List.copyOf(targetIds)).map());
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (JsonNode e : n) out.put(e.path("targetId").asText(), Read.customData(e.path("data")));
    return out;
  }

  /** Sets several values of one target (each JSON-encoded); returns the values written. */
  public List<UdfValue> setUdvBatch(String targetType, String targetId, Map<String, ?> values) {
    if (values.isEmpty()) throw Errors.invalid("setUdvBatch", "empty udf value list");
    List<Map<String, Object>> list = new ArrayList<>();
    values.forEach((k, v) -> list.add(Map.of("key", k, "value", CustomData.encode(v))));
    Vars vars = Vars.of("targetType", targetType).put("targetId", targetId).put("udvList", list);
    return Read.udfValues(t.graphql("setUdvBatch", Gql.SET_UDV_BATCH, vars.map()));
  }

  /** Sets one value; returns all the target's values. */
  public List<UdfValue> setUdv(String targetType, String targetId, String key, Object value) {
    Vars vars = Vars.of("targetType", targetType).put("targetId", targetId).put("key", key).put("value", CustomData.encode(value));
    return Read.udfValues(t.graphql("setUdv", Gql.SET_UDV, vars.map()));
  }

  /** Sets values of many targets in one call: target id → key → value. Fails as a whole. */
  public CommonMessage setUdfValueBatch(String targetType, Map<String, ? extends Map<String, ?>> valuesByTarget) {
    List<Map<String, Object>> input = new ArrayList<>();
    valuesByTarget.forEach((id, values) -> values.forEach((k, v) ->
        input.add(Map.of("targetId", id, "key", k, "value", CustomData.encode(v)))));
    if (input.isEmpty()) throw Errors.invalid("setUdfValueBatch", "empty input list");
    JsonNode n = t.graphql("setUdfValueBatch", Gql.SET_UDF_VALUE_BATCH, Vars.of("targetType", targetType).put("input", input).map());
    return n.isObject() ? Read.message(n) : new CommonMessage(200, null);
  }

  /** Removes one value; returns the target's remaining values. */
  public List<UdfValue> removeUdv(String targetType, String targetId, String key) {
    Vars vars = Vars.of("targetType", targetType).put("targetId", targetId).put("key", key);
    return Read.udfValues(t.graphql("removeUdv", Gql.REMOVE_UDV, vars.map()));
  }
}
