package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersTest {
    private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
    private final SandboxServer server = SandboxServer.start(SandboxOptions.defaults(), clock);
    private final TestClient client = new TestClient(server);

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void createLowerCasesTheEmailAndFillsDefaults() {
        JsonNode user = client.createUser("username", "Alice", "email", "Alice@Example.COM", "externalId", "a-1");
        assertThat(user.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(user.path("username").asText()).isEqualTo("Alice");
        assertThat(user.path("id").asText()).hasSize(24);
        assertThat(user.path("arn").asText()).isEqualTo("arn:cn:authing:demo-pool:user:" + user.path("id").asText());
        assertThat(user.path("registerSource").get(0).asText()).isEqualTo("import:manual");
        assertThat(user.path("gender").asText()).isEqualTo("U");
        assertThat(user.path("loginsCount").asInt()).isZero();
        assertThat(user.path("blocked").asBoolean()).isFalse();
        assertThat(user.path("status").asText()).isEqualTo("Activated");
        assertThat(user.path("createdAt").asText()).startsWith("2026-01-01T00:00:00");
        assertThat(client.data(Docs.FIND_USER, Map.of("email", "ALICE@example.com")).path("findUser").path("id"))
                .isEqualTo(user.path("id"));
        assertThat(client.data(Docs.FIND_USER, Map.of("username", "alice")).path("findUser").isNull()).isTrue();
    }

    @Test
    void duplicatesAreRefusedWithTheDocumentedCodes() {
        client.createUser("username", "dup", "email", "dup@x.com", "phone", "13800000001", "externalId", "dup-1");
        assertThat(createCode("username", "dup")).isEqualTo(2034);
        assertThat(createCode("phone", "13800000001")).isEqualTo(2035);
        assertThat(createCode("email", "DUP@x.com")).isEqualTo(2026);
        assertThat(createCode("externalId", "dup-1")).isEqualTo(2026);
    }

    @Test
    void aUserNeedsAnIdentifier() {
        assertThat(createCode("nickname", "nobody")).isEqualTo(2028);
    }

    @Test
    void lastLoginMustBeIso8601() {
        assertThat(createCode("username", "epoch", "lastLogin", "1602756997950")).isEqualTo(400);
        JsonNode ok = client.createUser("username", "iso", "lastLogin", "2021-03-11T20:52:50+08:00",
                "signedUp", "2020-01-01T00:00:00Z", "loginsCount", 7);
        assertThat(ok.path("lastLogin").asText()).isEqualTo("2021-03-11T20:52:50+08:00");
        assertThat(ok.path("loginsCount").asInt()).isEqualTo(7);
    }

    @Test
    void passwordsAreHashedUnlessKeptAndNeverReturnedInClear() {
        JsonNode hashed = client.createUser("username", "pw1", "password", client.encrypt("s3cret-pass"));
        assertThat(hashed.path("password").asText()).isNotBlank().doesNotContain("s3cret-pass");
        Map<String, Object> info = Map.of("username", "pw2", "password", client.encrypt("$2a$10$abcdefghijklmnop"));
        JsonNode kept = client.data(Docs.CREATE_USER, Map.of("userInfo", info, "keepPassword", true,
                "resetPasswordOnFirstLogin", false)).path("createUser");
        assertThat(kept.path("password").asText()).isEqualTo("$2a$10$abcdefghijklmnop");
        assertThat(createCode("username", "pw3", "password", "not-encrypted")).isEqualTo(400);
    }

    @Test
    void batchByExternalIdOmitsUnknownIdsAndRefusesMoreThan80() {
        client.createUser("username", "b1", "externalId", "batch-1");
        client.createUser("username", "b2", "externalId", "batch-2");
        JsonNode found = client.rest("POST", "/api/v2/users/batch",
                Map.of("ids", List.of("batch-1", "missing", "batch-2"), "type", "externalId", "withCustomData", false));
        assertThat(found.path("code").asInt()).isEqualTo(200);
        assertThat(found.path("data")).hasSize(2);
        assertThat(found.path("data").get(0).path("externalId").asText()).isEqualTo("batch-1");
        assertThat(found.path("data").get(0).has("identities")).isTrue();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            many.add("x" + i);
        }
        JsonNode refused = client.rest("POST", "/api/v2/users/batch", Map.of("ids", many, "type", "externalId"));
        assertThat(refused.path("code").asInt()).isEqualTo(2030);
        assertThat(client.rest("POST", "/api/v2/users/batch", Map.of("ids", many.subList(0, 80), "type", "externalId"))
                .path("code").asInt()).isEqualTo(200);
    }

    @Test
    void existsUpdateDetailDeleteAndArchive() {
        JsonNode user = client.createUser("username", "life", "email", "life@x.com", "externalId", "life-1");
        String id = user.path("id").asText();
        assertThat(client.data(Docs.IS_USER_EXISTS, Map.of("externalId", "life-1")).path("isUserExists").asBoolean()).isTrue();
        assertThat(client.data(Docs.IS_USER_EXISTS, Map.of("email", "LIFE@X.COM")).path("isUserExists").asBoolean()).isTrue();
        assertThat(client.data(Docs.IS_USER_EXISTS, Map.of("username", "LIFE")).path("isUserExists").asBoolean()).isFalse();

        JsonNode updated = client.data(Docs.UPDATE_USER, Map.of("id", id,
                "input", Map.of("email", "New.Life@X.com", "city", "Beijing", "blocked", true))).path("updateUser");
        assertThat(updated.path("email").asText()).isEqualTo("new.life@x.com");
        assertThat(updated.path("city").asText()).isEqualTo("Beijing");
        assertThat(updated.path("blocked").asBoolean()).isTrue();
        assertThat(updated.path("username").asText()).isEqualTo("life");

        JsonNode detail = client.rest("GET", "/api/v2/users/" + id + "?with_custom_data=false", null);
        assertThat(detail.path("data").path("email").asText()).isEqualTo("new.life@x.com");
        assertThat(client.rest("GET", "/api/v2/users/nope?with_custom_data=false", null).path("data").isNull()).isTrue();

        assertThat(client.data(Docs.DELETE_USER, Map.of("id", id)).path("deleteUser").path("code").asInt()).isEqualTo(200);
        assertThat(client.data(Docs.FIND_USER, Map.of("externalId", "life-1")).path("findUser").isNull()).isTrue();
        assertThat(client.rest("GET", "/api/v2/users/" + id + "?with_custom_data=false", null).path("data").isNull()).isTrue();
        JsonNode archived = client.data(Docs.ARCHIVED_USERS, Map.of("page", 1, "limit", 100)).path("archivedUsers");
        assertThat(archived.path("list").findValuesAsText("id")).contains(id);
        // the identifiers are free again
        client.createUser("username", "life", "externalId", "life-1");
    }

    @Test
    void deleteUsersWithAnUnknownIdDeletesNothing() {
        String id = client.createUser("username", "keep-me").path("id").asText();
        assertThat(client.errorCode(Docs.DELETE_USERS, Map.of("ids", List.of(id, "unknown-id")))).isEqualTo(2004);
        assertThat(client.rest("GET", "/api/v2/users/" + id + "?with_custom_data=false", null).path("data").path("id")
                .asText()).isEqualTo(id);
    }

    @Test
    void listPagesAreOneBasedWithTheFullTotalCount() {
        try (SandboxServer fresh = SandboxServer.start(SandboxOptions.defaults(), clock)) {
            TestClient c = new TestClient(fresh);
            for (int i = 0; i < 25; i++) {
                c.createUser("username", "p" + i);
            }
            JsonNode page3 = c.data(Docs.USERS, Map.of("page", 3, "limit", 10, "sortBy", "CREATEDAT_ASC")).path("users");
            assertThat(page3.path("totalCount").asInt()).isEqualTo(25);
            assertThat(page3.path("list").findValuesAsText("username")).containsExactly("p20", "p21", "p22", "p23", "p24");
            JsonNode first = c.data(Docs.USERS, Map.of("page", 1, "limit", 2, "sortBy", "CREATEDAT_DESC")).path("users");
            assertThat(first.path("list").findValuesAsText("username")).containsExactly("p24", "p23");
            assertThat(c.data(Docs.USERS, Map.of("page", 9, "limit", 10)).path("users").path("list")).isEmpty();
            JsonNode found = c.data(Docs.SEARCH_USER, Map.of("query", "p2", "page", 1, "limit", 50)).path("searchUser");
            assertThat(found.path("totalCount").asInt()).isEqualTo(6);
        }
    }

    @Test
    void refreshTokenLogsTheUserInAndKickLogsThemOut() {
        String id = client.createUser("username", "sess").path("id").asText();
        JsonNode token = client.data(Docs.REFRESH_TOKEN, Map.of("id", id)).path("refreshToken");
        assertThat(token.path("token").asText().split("\\.")).hasSize(3);
        assertThat(client.rest("GET", "/api/v2/users/login-status?userId=" + id, null).path("data").path("isLogin")
                .asBoolean()).isTrue();
        assertThat(client.rest("POST", "/api/v2/users/kick", Map.of("userIds", List.of(id))).path("code").asInt()).isEqualTo(200);
        assertThat(client.rest("GET", "/api/v2/users/login-status?userId=" + id, null).path("data").path("isLogin")
                .asBoolean()).isFalse();
        assertThat(client.rest("GET", "/logout?userId=" + id, null).path("code").asInt()).isEqualTo(200);
        JsonNode actions = client.rest("GET", "/api/v2/analysis/user-action?operator_arn[]=arn:cn:authing:demo-pool:user:"
                + id + "&page=1&limit=10", null).path("data");
        assertThat(actions.path("list").findValuesAsText("operation_name")).containsExactly("logout", "kick", "login", "createUser");
    }

    @Test
    void concurrentCreatesOfTheSameExternalIdYieldExactlyOneUser() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            String token = client.token();
            for (int i = 0; i < 16; i++) {
                int n = i;
                results.add(pool.submit(() -> !client.graphqlWith(token, Docs.CREATE_USER, Map.of("userInfo",
                        Map.of("username", "race-" + n, "externalId", "race"), "keepPassword", false)).has("errors")));
            }
            int created = 0;
            for (var result : results) {
                created += result.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private int createCode(Object... fieldsAndValues) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            info.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return client.errorCode(Docs.CREATE_USER, Map.of("userInfo", info, "keepPassword", false));
    }
}
