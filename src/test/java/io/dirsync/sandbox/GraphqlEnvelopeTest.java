package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlEnvelopeTest {
    private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
    private final SandboxServer server = SandboxServer.start(SandboxOptions.defaults()
            .withTokenTtl(Duration.ofHours(2)), clock);
    private final TestClient client = new TestClient(server);

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aParseErrorIsAnObjectMessageWithACode() {
        int code = client.errorCode("query { users(page: 1 { totalCount } }", Map.of());
        assertThat(code).isEqualTo(400);
    }

    @Test
    void aValidationErrorNamesTheUnknownField() {
        JsonNode response = client.graphql("query { users { totalCount noSuchField } }", Map.of());
        assertThat(client.errorCode(response)).isEqualTo(400);
        assertThat(response.path("errors").path(0).path("message").path("message").asText()).contains("noSuchField");
    }

    @Test
    void aBusinessErrorCarriesItsCode() {
        JsonNode response = client.graphql(Docs.DELETE_USER, Map.of("id", "nobody"));
        assertThat(client.errorCode(response)).isEqualTo(2004);
        assertThat(response.path("errors").path(0).path("message").has("data")).isTrue();
    }

    @Test
    void callsWithoutTokenOrWithAForeignTokenAreRefusedWith2020() {
        assertThat(client.errorCode(client.graphqlWith(null, Docs.USERS, Map.of()))).isEqualTo(2020);
        assertThat(client.errorCode(client.graphqlWith("a.b.c", Docs.USERS, Map.of()))).isEqualTo(2020);
        assertThat(client.restWith(null, "GET", "/api/v2/users/x?with_custom_data=false", null).path("code").asInt())
                .isEqualTo(2020);
    }

    @Test
    void anExpiredTokenIsRefusedWith2020() {
        String token = client.token();
        assertThat(client.graphqlWith(token, Docs.USERS, Map.of()).has("errors")).isFalse();
        clock.advance(Duration.ofHours(3));
        try {
            assertThat(client.errorCode(client.graphqlWith(token, Docs.USERS, Map.of()))).isEqualTo(2020);
        } finally {
            client.forgetToken();
        }
    }

    @Test
    void theAccessTokenIsAJwtExpiringAfterTheConfiguredLifetime() throws Exception {
        JsonNode response = client.graphqlWith(null, Docs.ACCESS_TOKEN, Map.of("userPoolId", "demo-pool", "secret", "demo-secret"));
        String jwt = response.path("data").path("accessToken").path("accessToken").asText();
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode payload = client.mapper.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        long now = clock.instant().getEpochSecond();
        assertThat(payload.path("exp").asLong()).isEqualTo(now + 7200);
        assertThat(payload.path("iat").asLong()).isEqualTo(now);
        assertThat(payload.path("data").path("id").asText()).isEqualTo("demo-pool");
        assertThat(response.path("data").path("accessToken").path("exp").asLong()).isEqualTo(now + 7200);
    }

    @Test
    void aWrongSecretGetsNoToken() {
        JsonNode response = client.graphqlWith(null, Docs.ACCESS_TOKEN, Map.of("userPoolId", "demo-pool", "secret", "nope"));
        assertThat(client.errorCode(response)).isEqualTo(1001);
        assertThat(response.toString()).doesNotContain("demo-secret");
    }

    @Test
    void aBodyThatIsNotJsonIsAnsweredInTheSameShape() throws Exception {
        var request = new okhttp3.Request.Builder().url(client.url("/graphql/v2"))
                .post(okhttp3.RequestBody.create("nope{", okhttp3.MediaType.get("application/json"))).build();
        try (var response = client.http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(client.errorCode(client.mapper.readTree(response.body().bytes()))).isEqualTo(400);
        }
    }
}
