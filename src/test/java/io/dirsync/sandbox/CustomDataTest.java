package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomDataTest {
    private final SandboxServer server = SandboxServer.start(SandboxOptions.defaults(), TestClock.at("2026-01-01T00:00:00Z"));
    private final TestClient client = new TestClient(server);

    @AfterAll
    void stop() {
        server.close();
    }

    private void define(String key, String type) {
        client.data(Docs.SET_UDF, Map.of("targetType", "USER", "key", key, "dataType", type, "label", key.toUpperCase()));
    }

    @Test
    void typedValuesRoundTripAsTheSdkExpects() {
        define("school", "STRING");
        define("age", "NUMBER");
        define("vip", "BOOLEAN");
        define("meta", "OBJECT");
        define("hired", "DATETIME");
        String id = client.createUser("username", "udv", "externalId", "udv-1").path("id").asText();
        JsonNode set = client.data(Docs.SET_UDV_BATCH, Map.of("targetType", "USER", "targetId", id, "udvList", List.of(
                Map.of("key", "school", "value", "\"MIT\""),
                Map.of("key", "age", "value", "42"),
                Map.of("key", "vip", "value", "true"),
                Map.of("key", "meta", "value", "{\"a\":1}"),
                Map.of("key", "hired", "value", "\"2020-01-02T00:00:00Z\"")))).path("setUdvBatch");
        assertThat(set).hasSize(5);
        JsonNode values = client.data(Docs.UDV, Map.of("targetType", "USER", "targetId", id)).path("udv");
        assertThat(value(values, "school")).isEqualTo("MIT");
        assertThat(value(values, "age")).isEqualTo("42");
        assertThat(value(values, "vip")).isEqualTo("true");
        assertThat(value(values, "meta")).isEqualTo("{\"a\":1}");
        assertThat(value(values, "hired")).isEqualTo("1577923200000");
        assertThat(values.findValuesAsText("label")).contains("SCHOOL");

        JsonNode batch = client.rest("POST", "/api/v2/users/batch", Map.of("ids", List.of("udv-1"), "type", "externalId",
                "withCustomData", true)).path("data").get(0).path("customData");
        assertThat(batch.findValuesAsText("key")).contains("age", "school");
        assertThat(batch.get(0).has("dataType")).isTrue();
        JsonNode detail = client.rest("GET", "/api/v2/users/" + id + "?with_custom_data=true", null).path("data");
        assertThat(detail.path("customData")).hasSize(5);

        client.data(Docs.REMOVE_UDV, Map.of("targetType", "USER", "targetId", id, "key", "vip"));
        JsonNode batchRead = client.data(Docs.UDF_VALUE_BATCH, Map.of("targetType", "USER", "targetIds", List.of(id)))
                .path("udfValueBatch");
        assertThat(batchRead.get(0).path("targetId").asText()).isEqualTo(id);
        assertThat(batchRead.get(0).path("data").findValuesAsText("key")).doesNotContain("vip");
    }

    @Test
    void undefinedKeysAndMismatchedTypesAreRefusedWithoutPartialWrites() {
        define("level", "NUMBER");
        String id = client.createUser("username", "strict").path("id").asText();
        assertThat(client.errorCode(Docs.SET_UDV_BATCH, Map.of("targetType", "USER", "targetId", id,
                "udvList", List.of(Map.of("key", "undefined-key", "value", "1"))))).isEqualTo(2404);
        assertThat(client.errorCode(Docs.SET_UDF_VALUE_BATCH, Map.of("targetType", "USER", "input", List.of(
                Map.of("targetId", id, "key", "level", "value", "3"),
                Map.of("targetId", id, "key", "level", "value", "\"three\""))))).isEqualTo(400);
        assertThat(client.data(Docs.UDV, Map.of("targetType", "USER", "targetId", id)).path("udv")).isEmpty();
        client.data(Docs.SET_UDF_VALUE_BATCH, Map.of("targetType", "USER", "input", List.of(
                Map.of("targetId", id, "key", "level", "value", "3"))));
        assertThat(value(client.data(Docs.UDV, Map.of("targetType", "USER", "targetId", id)).path("udv"), "level")).isEqualTo("3");
    }

    private static String value(JsonNode list, String key) {
        for (JsonNode item : list) {
            if (item.path("key").asText().equals(key)) {
                return item.path("value").asText();
            }
        }
        return null;
    }
}
