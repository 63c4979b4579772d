package io.dirsync.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Custom field definitions (UDF) per target type and their values (UDV) per target. Values
 * arrive JSON-encoded; they are decoded, checked against the field's data type and stored as
 * text: STRING/SELECT raw, NUMBER/BOOLEAN/OBJECT as JSON text, DATETIME as epoch milliseconds.
 */
final class UdfStore {
    static final Set<String> DATA_TYPES = Set.of("STRING", "NUMBER", "DATETIME", "BOOLEAN", "OBJECT", "SELECT");

    private final Database db;
    private final Table fields;
    private final Table values;
    private final Map<String, Map<String, String>> byTarget = new ConcurrentHashMap<>();

    UdfStore(Database db, UserStore users) {
        this.db = db;
        this.fields = db.table("udf");
        this.values = db.table("udv");
        for (Map<String, Object> row : values.values()) {
            target((String) row.get("targetType"), (String) row.get("targetId"))
                    .put((String) row.get("key"), (String) row.get("value"));
        }
        users.onDelete(id -> removeAll("USER", id));
    }

    Map<String, Object> define(String targetType, String key, String dataType, String label, String options) {
        GroupStore.requireText("key", key);
        if (!DATA_TYPES.contains(dataType)) {
            throw ApiException.invalid("dataType " + dataType + " is not one of " + DATA_TYPES);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("targetType", targetType);
        row.put("dataType", dataType);
        row.put("key", key);
        row.put("label", label);
        row.put("options", options);
        return db.write(() -> fields.put(targetType + "|" + key, row));
    }

    List<Map<String, Object>> definitions(String targetType) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> row : fields.values()) {
            if (targetType.equals(row.get("targetType"))) {
                list.add(row);
            }
        }
        list.sort(Comparator.comparing(r -> (String) r.get("key")));
        return list;
    }

    void undefine(String targetType, String key) {
        db.write(() -> {
            if (fields.get(targetType + "|" + key) == null) {
                throw ApiException.notFound("custom field " + key + " is not defined for " + targetType);
            }
            fields.remove(targetType + "|" + key);
            for (Map<String, Object> row : List.copyOf(values.values())) {
                if (targetType.equals(row.get("targetType")) && key.equals(row.get("key"))) {
                    remove(targetType, (String) row.get("targetId"), key);
                }
            }
        });
    }

    /** The target's values as {@code UserDefinedData} items, in key order. */
    List<Map<String, Object>> valuesOf(String targetType, String targetId) {
        Map<String, String> stored = byTarget.getOrDefault(targetType + "|" + targetId, Map.of());
        List<Map<String, Object>> list = new ArrayList<>();
        stored.keySet().stream().sorted().forEach(key -> {
            Map<String, Object> def = fields.get(targetType + "|" + key);
            if (def != null) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", key);
                item.put("dataType", def.get("dataType"));
                item.put("value", stored.get(key));
                item.put("label", def.get("label"));
                list.add(item);
            }
        });
        return list;
    }

    /** Sets JSON-encoded values; all are checked before any is written. */
    void set(String targetType, String targetId, Map<String, String> encoded) {
        Map<String, String> decoded = new LinkedHashMap<>();
        encoded.forEach((key, json) -> decoded.put(key, decode(targetType, key, json)));
        db.write(() -> decoded.forEach((key, value) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("targetType", targetType);
            row.put("targetId", targetId);
            row.put("key", key);
            row.put("value", value);
            values.put(targetType + "|" + targetId + "|" + key, row);
            target(targetType, targetId).put(key, value);
        }));
    }

    /**
     * Raw values as {@code createUser(params:)} carries them ({@code [{key, value}]}, the value not
     * JSON-encoded) turned into JSON-encoded ones by each key's data type; checked, nothing written.
     */
    Map<String, String> encodeRaw(String targetType, Map<String, String> raw) {
        Map<String, String> encoded = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            Map<String, Object> def = fields.get(targetType + "|" + key);
            String type = def == null ? "STRING" : (String) def.get("dataType");
            String json = value == null ? null
                    : type.equals("STRING") || type.equals("SELECT") ? Json.text(value) : value;
            decode(targetType, key, json);
            encoded.put(key, json);
        });
        return encoded;
    }

    /** Sets values of many targets at once: {@code [targetId, key, json]} triples, checked first. */
    void setMany(String targetType, Collection<List<String>> triples) {
        for (List<String> t : triples) {
            decode(targetType, t.get(1), t.get(2));
        }
        db.write(() -> triples.forEach(t -> set(targetType, t.get(0), Map.of(t.get(1), t.get(2)))));
    }

    void remove(String targetType, String targetId, String key) {
        db.write(() -> {
            values.remove(targetType + "|" + targetId + "|" + key);
            Map<String, String> map = byTarget.get(targetType + "|" + targetId);
            if (map != null) {
                map.remove(key);
            }
        });
    }

    private void removeAll(String targetType, String targetId) {
        Map<String, String> map = byTarget.remove(targetType + "|" + targetId);
        if (map != null) {
            map.keySet().forEach(key -> values.remove(targetType + "|" + targetId + "|" + key));
        }
    }

    private Map<String, String> target(String targetType, String targetId) {
        return byTarget.computeIfAbsent(targetType + "|" + targetId, k -> new ConcurrentHashMap<>());
    }

    private String decode(String targetType, String key, String json) {
        Map<String, Object> def = fields.get(targetType + "|" + key);
        if (def == null) {
            throw ApiException.notFound("custom field " + key + " is not defined for " + targetType
                    + "; define it with setUdf first");
        }
        String type = (String) def.get("dataType");
        Object value;
        try {
            value = json == null ? null : Json.value(json);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("value of custom field " + key + " must be JSON-encoded (e.g. \"\\\"text\\\"\", "
                    + "\"42\", \"true\"), got " + json);
        }
        String mismatch = "value " + json + " of custom field " + key + " does not match its data type " + type;
        switch (type) {
            case "STRING", "SELECT" -> {
                if (value instanceof String s) {
                    return s;
                }
            }
            case "NUMBER" -> {
                if (value instanceof Number) {
                    return new BigDecimal(json.trim()).toString();
                }
            }
            case "BOOLEAN" -> {
                if (value instanceof Boolean b) {
                    return b.toString();
                }
            }
            case "OBJECT" -> {
                if (value instanceof Map || value instanceof List) {
                    return Json.text(value);
                }
            }
            case "DATETIME" -> {
                if (value instanceof Number n) {
                    return Long.toString(n.longValue());
                }
                if (value instanceof String s) {
                    Instant instant = s.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(s)) : Times.parse(s);
                    if (instant != null) {
                        return Long.toString(instant.toEpochMilli());
                    }
                }
            }
            default -> throw ApiException.invalid(mismatch);
        }
        throw ApiException.invalid(mismatch);
    }
}
