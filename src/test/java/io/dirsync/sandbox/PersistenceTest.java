package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everythingSurvivesARestartOnTheSameDirectory() {
        String userId;
        String orgId;
        String publicKey;
        try (SandboxServer first = SandboxServer.start(SandboxOptions.defaults().withDataDir(dir), clock)) {
            TestClient c = new TestClient(first);
            publicKey = c.rest("GET", "/api/v2/.well-known", null).path("data").path("publicKey").asText();
            userId = c.createUser("username", "persist", "email", "P@x.com", "externalId", "p-1").path("id").asText();
            c.data(Docs.UPDATE_USER, Map.of("id", userId, "input", Map.of("nickname", "Pete")));
            c.data(Docs.CREATE_GROUP, Map.of("code", "g1", "name", "G1"));
            c.data(Docs.ADD_USER_TO_GROUP, Map.of("code", "g1", "userIds", List.of(userId)));
            c.data(Docs.CREATE_ROLE, Map.of("code", "r1"));
            c.data(Docs.ASSIGN_ROLE, Map.of("roleCode", "r1", "userIds", List.of(userId)));
            JsonNode org = c.data(Docs.CREATE_ORG, Map.of("name", "Org", "code", "org")).path("createOrg");
            orgId = org.path("id").asText();
            String node = c.data(Docs.ADD_NODE, Map.of("orgId", orgId, "name", "Dept", "code", "dept"))
                    .path("addNodeV2").path("id").asText();
            c.data(Docs.ADD_MEMBER, Map.of("nodeId", node, "userIds", List.of(userId)));
            c.data(Docs.SET_MAIN_DEPARTMENT, Map.of("userId", userId, "departmentId", node));
            c.data(Docs.SET_UDF, Map.of("targetType", "USER", "key", "age", "dataType", "NUMBER", "label", "Age"));
            c.data(Docs.SET_UDV_BATCH, Map.of("targetType", "USER", "targetId", userId,
                    "udvList", List.of(Map.of("key", "age", "value", "42"))));
            String gone = c.createUser("username", "gone").path("id").asText();
            c.data(Docs.DELETE_USER, Map.of("id", gone));
        }
        try (SandboxServer second = SandboxServer.start(SandboxOptions.defaults().withDataDir(dir), clock)) {
            TestClient c = new TestClient(second);
            assertThat(c.rest("GET", "/api/v2/.well-known", null).path("data").path("publicKey").asText()).isEqualTo(publicKey);
            JsonNode user = c.data(Docs.FIND_USER, Map.of("email", "p@X.com")).path("findUser");
            assertThat(user.path("id").asText()).isEqualTo(userId);
            assertThat(user.path("nickname").asText()).isEqualTo("Pete");
            assertThat(c.data(Docs.GET_USER_GROUPS, Map.of("id", userId)).path("user").path("groups").path("totalCount").asInt())
                    .isEqualTo(1);
            assertThat(c.data(Docs.GET_USER_ROLES, Map.of("id", userId)).path("user").path("roles").path("list")
                    .findValuesAsText("code")).containsExactly("r1");
            JsonNode deps = c.data(Docs.GET_USER_DEPARTMENTS, Map.of("id", userId)).path("user").path("departments");
            assertThat(deps.path("list").get(0).path("isMainDepartment").asBoolean()).isTrue();
            assertThat(deps.path("list").get(0).path("department").path("code").asText()).isEqualTo("dept");
            assertThat(c.data(Docs.ORG, Map.of("id", orgId)).path("org").path("nodes")).hasSize(2);
            assertThat(c.data(Docs.UDV, Map.of("targetType", "USER", "targetId", userId)).path("udv").get(0)
                    .path("value").asText()).isEqualTo("42");
            assertThat(c.data(Docs.ARCHIVED_USERS, Map.of()).path("archivedUsers").path("totalCount").asInt()).isEqualTo(1);
            // a new user sorts after the old ones
            c.createUser("username", "later");
            assertThat(c.data(Docs.USERS, Map.of("page", 1, "limit", 10)).path("users").path("list")
                    .findValuesAsText("username")).containsExactly("persist", "later");
        }
    }

    @Test
    void resetDeletesAllDataAlsoOnDiskButKeepsTokensValid() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withDataDir(dir), clock)) {
            TestClient c = new TestClient(server);
            c.createUser("username", "old", "externalId", "old-1");
            c.data(Docs.CREATE_GROUP, Map.of("code", "old", "name", "Old"));
            try (okhttp3.Response r = c.http.newCall(new okhttp3.Request.Builder().url(c.url("/sandbox/reset"))
                    .post(okhttp3.RequestBody.create(new byte[0])).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            assertThat(c.data(Docs.FIND_USER, Map.of("externalId", "old-1")).path("findUser").isNull()).isTrue();
            assertThat(c.data(Docs.GROUP, Map.of("code", "old")).path("group").isNull()).isTrue();
            assertThat(server.stats().calls("createUser")).isZero();
            c.createUser("username", "old", "externalId", "old-1");
            server.reset();
            assertThat(c.data(Docs.USERS, Map.of()).path("users").path("totalCount").asInt()).isZero();
        }
        try (SandboxServer again = SandboxServer.start(SandboxOptions.defaults().withDataDir(dir), clock)) {
            TestClient c = new TestClient(again);
            assertThat(c.data(Docs.USERS, Map.of()).path("users").path("totalCount").asInt()).isZero();
            assertThat(c.rest("GET", "/api/v2/resource-namespace/demo-pool", null).path("data").path("list")
                    .findValuesAsText("code")).containsExactly("default");
        }
    }

    @Test
    void aTornLastLogLineIsIgnored() throws Exception {
        try (Database db = Database.open(dir)) {
            db.write(() -> db.table("users").put("u1", Map.of("id", "u1", "username", "kept")));
        }
        // simulate a crash: a complete change, then a half-written one, left in the log after the snapshot
        Path log = dir.resolve(Journal.LOG_FILE);
        Files.writeString(log, "{\"t\":\"users\",\"k\":\"u2\",\"v\":{\"id\":\"u2\",\"username\":\"also\"}}\n"
                + "{\"t\":\"users\",\"k\":\"u3\",\"v\":{\"id\":\"u3\",\"userna", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (Database db = Database.open(dir)) {
            assertThat(db.table("users").get("u1").get("username")).isEqualTo("kept");
            assertThat(db.table("users").get("u2").get("username")).isEqualTo("also");
            assertThat(db.table("users").get("u3")).isNull();
            db.write(() -> db.table("users").remove("u1"));
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.table("users").get("u1")).isNull();
            assertThat(db.table("users").size()).isEqualTo(1);
        }
    }

    @Test
    void writesAreAppendedNotRewritten() throws Exception {
        try (Database db = Database.open(dir)) {
            for (int i = 0; i < 50; i++) {
                String key = "k" + i;
                db.write(() -> db.table("t").put(key, Map.of("n", key)));
            }
            long snapshot = Files.size(dir.resolve(Journal.SNAPSHOT));
            List<String> lines = Files.readAllLines(dir.resolve(Journal.LOG_FILE));
            assertThat(lines).hasSize(50);
            assertThat(snapshot).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve(Journal.SNAPSHOT))).hasSize(50);
        assertThat(Files.size(dir.resolve(Journal.LOG_FILE))).isZero();
    }
}
