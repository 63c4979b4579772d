package io.dirsync.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON encoding shared by the sandbox; the mapper is configured once and never changed. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** For stored rows: absent and null mean the same, so nulls are not written. */
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String compactText(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a JSON object; throws {@link ApiException} naming the problem when it is not one. */
    static Map<String, Object> object(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(body, MAP);
        } catch (IOException e) {
            throw ApiException.invalid("request body is not a JSON object: " + e.getMessage());
        }
    }

    static Map<String, Object> object(String line) throws IOException {
        return MAPPER.readValue(line, MAP);
    }

    /** Parses any JSON value (used for JSON-encoded custom data values). */
    static Object value(String text) throws JsonProcessingException {
        return MAPPER.readValue(text, Object.class);
    }

    static UncheckedIOException unchecked(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
}
