package io.dirsync.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code params} argument of {@code createUser}: a JSON string of {@code [{key, value}]} with
 * raw values (a string as is, not JSON-encoded), the custom data to set with the new user.
 */
final class CustomParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomParams() {
    }

    /** Raw values by key; empty for a null or blank argument. */
    static Map<String, String> parse(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params == null || params.isBlank()) {
            return out;
        }
        JsonNode list;
        try {
            list = JSON.readTree(params);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("params must be a JSON string of [{key, value}], got " + params);
        }
        if (!list.isArray()) {
            throw ApiException.invalid("params must be a JSON array of {key, value}, got " + params);
        }
        for (JsonNode item : list) {
            if (!item.path("key").isTextual()) {
                throw ApiException.invalid("every item of params needs a string key, got " + item);
            }
            JsonNode value = item.get("value");
            out.put(item.get("key").asText(), value == null || value.isNull() ? null
                    : value.isTextual() ? value.asText() : value.toString());
        }
        return out;
    }
}
