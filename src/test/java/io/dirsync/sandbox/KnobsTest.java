package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class KnobsTest {
    private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");

    @Test
    void beyondTheRateLimitCallsGet429WithRetryAfter() throws IOException {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withRateLimitRps(5), clock)) {
            TestClient c = new TestClient(server);
            Request request = new Request.Builder().url(c.url("/api/v2/orgs/count")).build();
            int ok = 0;
            Response limited = null;
            for (int i = 0; i < 10; i++) {
                Response response = c.http.newCall(request).execute();
                if (response.code() == 200) {
                    ok++;
                    response.close();
                } else if (limited == null) {
                    limited = response;
                } else {
                    response.close();
                }
            }
            assertThat(ok).isEqualTo(5);
            assertThat(limited).isNotNull();
            try (Response r = limited) {
                assertThat(r.code()).isEqualTo(429);
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.body().string()).contains("rate limit");
            }
            clock.advance(java.time.Duration.ofSeconds(1));
            try (Response again = c.http.newCall(request).execute()) {
                assertThat(again.code()).isEqualTo(200);
            }
            // the sandbox's own endpoints are never limited
            try (Response stats = c.http.newCall(new Request.Builder().url(c.url("/sandbox/stats")).build()).execute()) {
                assertThat(stats.code()).isEqualTo(200);
            }
        }
    }

    @Test
    void aFailRateFaultsAboutThatShareOfCallsReproducibly() {
        int[] first = faults(7L);
        int[] second = faults(7L);
        assertThat(second).isEqualTo(first);
        int failed = first[0] + first[1];
        assertThat(failed).isBetween(40, 80);
        assertThat(first[0]).as("5xx answers").isPositive();
        assertThat(first[1]).as("dropped connections").isPositive();
    }

    /** {5xx count, dropped count} of 200 calls at a 30 % fail rate. */
    private int[] faults(long seed) {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withFailRate(0.3).withSeed(seed), clock)) {
            TestClient c = new TestClient(server);
            Request request = new Request.Builder().url(c.url("/api/v2/orgs/count")).build();
            int serverErrors = 0;
            int dropped = 0;
            for (int i = 0; i < 200; i++) {
                try (Response response = c.http.newCall(request).execute()) {
                    if (response.code() >= 500) {
                        assertThat(response.code()).isIn(500, 502, 503);
                        serverErrors++;
                    }
                } catch (IOException e) {
                    dropped++;
                }
            }
            return new int[] {serverErrors, dropped};
        }
    }

    @Test
    void someFaultedMutationsWereAppliedAnyway() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withFailRate(0.5).withSeed(3), clock)) {
            TestClient c = new TestClient(server);
            int answered = 0;
            for (int i = 0; i < 60; i++) {
                try {
                    JsonNode r = c.graphqlWith(token(server), Docs.CREATE_GROUP, Map.of("code", "g" + i, "name", "G"));
                    answered += r.has("errors") ? 0 : 1;
                } catch (AssertionError | RuntimeException e) {
                    // faulted
                }
            }
            int stored = countGroups(server);
            assertThat(stored).isGreaterThan(answered);
        }
    }

    private static String token(SandboxServer server) {
        // tokens do not depend on faults: mint one through the store-independent service
        TestClient quiet = new TestClient(server);
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return quiet.token();
            } catch (AssertionError | RuntimeException e) {
                quiet.forgetToken();
            }
        }
        throw new IllegalStateException("no token after 50 attempts");
    }

    private static int countGroups(SandboxServer server) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                JsonNode r = new TestClient(server).graphqlWith(token(server),
                        "query { groups(page: 1, limit: 100) { totalCount } }", Map.of());
                if (!r.has("errors")) {
                    return r.path("data").path("groups").path("totalCount").asInt();
                }
            } catch (AssertionError | RuntimeException e) {
                // faulted, ask again
            }
        }
        throw new IllegalStateException("could not count groups");
    }

    @Test
    void latencyIsAddedToApiCallsButNotToSandboxEndpoints() throws IOException {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withLatencyMillis(300), clock)) {
            TestClient c = new TestClient(server);
            long start = System.nanoTime();
            try (Response r = c.http.newCall(new Request.Builder().url(c.url("/api/v2/orgs/count")).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
            start = System.nanoTime();
            try (Response r = c.http.newCall(new Request.Builder().url(c.url("/sandbox/stats")).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(300);
        }
    }

    @Test
    void statsCountCallsByOperationAndCanBeReset() throws IOException {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults(), clock)) {
            TestClient c = new TestClient(server);
            c.createUser("username", "s1");
            c.createUser("username", "s2");
            c.rest("POST", "/api/v2/users/batch", Map.of("ids", java.util.List.of("s1"), "type", "username"));
            c.rest("GET", "/api/v2/users/abc?with_custom_data=false", null);
            JsonNode stats;
            try (Response r = c.http.newCall(new Request.Builder().url(c.url("/sandbox/stats")).build()).execute()) {
                stats = c.mapper.readTree(r.body().bytes());
            }
            assertThat(stats.path("calls").path("createUser").asInt()).isEqualTo(2);
            assertThat(stats.path("calls").path("accessToken").asInt()).isEqualTo(1);
            assertThat(stats.path("calls").path("POST /api/v2/users/batch").asInt()).isEqualTo(1);
            assertThat(stats.path("calls").path("GET /api/v2/users/{id}").asInt()).isEqualTo(1);
            assertThat(stats.path("calls").path("GET /api/v2/.well-known").asInt()).isZero();
            assertThat(stats.path("total").asInt()).isEqualTo(5);
            assertThat(server.stats().calls("createUser")).isEqualTo(2);

            try (Response r = c.http.newCall(new Request.Builder().url(c.url("/sandbox/stats/reset"))
                    .post(okhttp3.RequestBody.create(new byte[0])).build()).execute()) {
                assertThat(c.mapper.readTree(r.body().bytes()).path("total").asInt()).isZero();
            }
            assertThat(server.stats().total()).isZero();
        }
    }

    @Test
    void aThrottleRateAnswersThatShareWithHttp200AndABodyLevel429InEachEnvelope() throws IOException {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withThrottleRate(0.3).withSeed(5), clock)) {
            TestClient c = new TestClient(server);
            String token = token(server);
            int graphqlThrottled = 0;
            int restThrottled = 0;
            for (int i = 0; i < 100; i++) {
                JsonNode g = c.graphqlWith(token, Docs.CREATE_GROUP, Map.of("code", "t" + i, "name", "T"));
                if (g.has("errors")) {
                    assertThat(g.path("errors").get(0).path("message").path("code").asInt()).isEqualTo(429);
                    assertThat(g.path("data").isNull()).isTrue();
                    graphqlThrottled++;
                }
                try (Response r = c.http.newCall(new Request.Builder().url(c.url("/api/v2/orgs/count"))
                        .header("authorization", "Bearer " + token).build()).execute()) {
                    assertThat(r.code()).isEqualTo(200);
                    JsonNode body = c.mapper.readTree(r.body().bytes());
                    if (body.path("code").asInt() == 429) {
                        restThrottled++;
                    } else {
                        assertThat(body.path("code").asInt()).isEqualTo(200);
                    }
                }
            }
            assertThat(graphqlThrottled).isBetween(15, 45);
            assertThat(restThrottled).isBetween(15, 45);
            // a throttled create is not carried out
            assertThat(countGroups(server)).isEqualTo(100 - graphqlThrottled);
        }
    }
}
