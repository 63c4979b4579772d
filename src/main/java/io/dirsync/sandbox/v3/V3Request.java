package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The parameters of one v3 call (GET query or POST body) with typed, checked accessors. */
record V3Request(String name, JsonNode params) {

    JsonNode node(String key) {
        JsonNode v = params.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String text(String key) {
        JsonNode v = node(key);
        return v == null ? null : v.asText();
    }

    String required(String key) {
        String v = text(key);
        if (v == null || v.isEmpty()) {
            throw V3Error.invalid(name + ": " + key + " is required");
        }
        return v;
    }

    boolean bool(String key) {
        JsonNode v = node(key);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equals(v.asText()));
    }

    int integer(String key, int fallback) {
        JsonNode v = node(key);
        if (v == null || v.asText().isEmpty()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.intValue();
        }
        try {
            return Integer.parseInt(v.asText());
        } catch (NumberFormatException e) {
            throw V3Error.invalid(name + ": " + key + " must be a number, got " + v.asText());
        }
    }

    /** A page size: default 10, at most 50 (the documented limit). */
    int limit(int fallback) {
        int limit = integer("limit", fallback);
        if (limit < 1 || limit > 50) {
            throw V3Error.invalid(name + ": limit must be 1..50, got " + limit);
        }
        return limit;
    }

    /** A string array (or, for GET, a comma-separated text), at most {@code max} items. */
    List<String> strings(String key, int max) {
        JsonNode v = node(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(item -> out.add(item.asText()));
        } else {
            for (String part : v.asText().split(",")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        if (out.size() > max) {
            throw V3Error.invalid(name + ": " + key + " takes at most " + max + " items, got " + out.size());
        }
        return out;
    }

    /** An object array, at most {@code max} items. */
    List<JsonNode> objects(String key, int max) {
        JsonNode v = node(key);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw V3Error.invalid(name + ": " + key + " must be an array");
        }
        v.forEach(out::add);
        if (out.size() > max) {
            throw V3Error.invalid(name + ": " + key + " takes at most " + max + " items, got " + out.size());
        }
        return out;
    }

    /** {@code options.<key>} of a POST body. */
    String option(String key) {
        JsonNode v = params.path("options").get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    V3Request child(JsonNode item) {
        return new V3Request(name, item);
    }
}
