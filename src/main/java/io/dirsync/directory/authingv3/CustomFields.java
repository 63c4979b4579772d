package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool's user custom-field definitions: read once ({@code get-custom-fields}), and a missing key
 * is defined ({@code set-custom-fields}, up to 50 per call) as its value's type before it is written.
 */
final class CustomFields {
  private final V3Transport transport;
  private volatile Set<String> known;

  CustomFields(V3Transport transport) {
    this.transport = transport;
  }

  synchronized void ensure(Map<String, Object> values) {
    if (values.isEmpty()) return;
    if (known == null) {
      Set<String> keys = ConcurrentHashMap.newKeySet();
      ObjectNode q = transport.object().put("targetType", "USER");
      transport.get("get-custom-fields", q).forEach(f -> keys.add(f.path("key").asText()));
      known = keys;
    }
    ArrayNode list = transport.json().createArrayNode();
    values.forEach((k, v) -> {
      if (v != null && !known.contains(k)) {
        list.addObject().put("targetType", "USER").put("key", k).put("dataType", dataType(v)).put("label", k);
      }
    });
    for (int i = 0; i < list.size(); i += 50) {
      ArrayNode chunk = transport.json().createArrayNode();
      for (int j = i; j < Math.min(list.size(), i + 50); j++) chunk.add(list.get(j));
      ObjectNode body = transport.object();
      body.set("list", chunk);
      transport.post("set-custom-fields", body);
      for (JsonNode f : chunk) known.add(f.path("key").asText());
    }
  }

  private static String dataType(Object v) {
    if (v instanceof Boolean) return "BOOLEAN";
    if (v instanceof Number) return "NUMBER";
    return "STRING";
  }
}
