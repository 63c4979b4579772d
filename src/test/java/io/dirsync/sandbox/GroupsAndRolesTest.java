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
class GroupsAndRolesTest {
    private final SandboxServer server = SandboxServer.start(SandboxOptions.defaults(), TestClock.at("2026-01-01T00:00:00Z"));
    private final TestClient client = new TestClient(server);

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void groupsHoldMembersWithPagingAndRenameByNewCode() {
        String a = client.createUser("username", "ga").path("id").asText();
        String b = client.createUser("username", "gb").path("id").asText();
        String c = client.createUser("username", "gc").path("id").asText();
        JsonNode group = client.data(Docs.CREATE_GROUP, Map.of("code", "eng", "name", "Engineering")).path("createGroup");
        assertThat(group.path("description").isNull()).isTrue();
        assertThat(client.errorCode(Docs.CREATE_GROUP, Map.of("code", "eng", "name", "again"))).isEqualTo(2409);

        assertThat(client.data(Docs.ADD_USER_TO_GROUP, Map.of("code", "eng", "userIds", List.of(a, b, c)))
                .path("addUserToGroup").path("code").asInt()).isEqualTo(200);
        client.data(Docs.ADD_USER_TO_GROUP, Map.of("code", "eng", "userIds", List.of(a)));
        assertThat(client.errorCode(Docs.ADD_USER_TO_GROUP, Map.of("code", "eng", "userIds", List.of("ghost")))).isEqualTo(2004);

        JsonNode page2 = client.data(Docs.GROUP_WITH_USERS, Map.of("code", "eng", "page", 2, "limit", 2)).path("group").path("users");
        assertThat(page2.path("totalCount").asInt()).isEqualTo(3);
        assertThat(page2.path("list").findValuesAsText("username")).containsExactly("gc");
        assertThat(client.data(Docs.GET_USER_GROUPS, Map.of("id", a)).path("user").path("groups").path("list")
                .findValuesAsText("code")).containsExactly("eng");

        client.data(Docs.REMOVE_USER_FROM_GROUP, Map.of("code", "eng", "userIds", List.of(a, b)));
        JsonNode renamed = client.data(Docs.UPDATE_GROUP, Map.of("code", "eng", "newCode", "rd", "description", "R&D"))
                .path("updateGroup");
        assertThat(renamed.path("code").asText()).isEqualTo("rd");
        assertThat(client.data(Docs.GROUP, Map.of("code", "eng")).path("group").isNull()).isTrue();
        assertThat(client.data(Docs.GROUP_WITH_USERS, Map.of("code", "rd")).path("group").path("users").path("totalCount")
                .asInt()).isEqualTo(1);

        assertThat(client.errorCode(Docs.DELETE_GROUPS, Map.of("codeList", List.of("rd", "missing")))).isEqualTo(2404);
        assertThat(client.data(Docs.GROUP, Map.of("code", "rd")).path("group").path("name").asText()).isEqualTo("Engineering");
        client.data(Docs.DELETE_GROUPS, Map.of("codeList", List.of("rd")));
        assertThat(client.data(Docs.GROUP, Map.of("code", "rd")).path("group").isNull()).isTrue();
    }

    @Test
    void rolesLiveInNamespacesAndAreGrantedToUsers() {
        String u = client.createUser("username", "ra").path("id").asText();
        JsonNode ns = client.rest("POST", "/api/v2/resource-namespace/demo-pool",
                Map.of("code", "app1", "name", "App 1", "description", "d"));
        assertThat(ns.path("code").asInt()).isEqualTo(200);
        assertThat(client.rest("GET", "/api/v2/resource-namespace/demo-pool?page=1&limit=50", null)
                .path("data").path("list").findValuesAsText("code")).contains("default", "app1");

        JsonNode admin = client.data(Docs.CREATE_ROLE, Map.of("code", "admin")).path("createRole");
        assertThat(admin.path("namespace").asText()).isEqualTo("default");
        client.data(Docs.CREATE_ROLE, Map.of("code", "admin", "namespace", "app1"));
        client.data(Docs.CREATE_ROLE, Map.of("code", "viewer", "namespace", "app1"));
        assertThat(client.errorCode(Docs.CREATE_ROLE, Map.of("code", "admin", "namespace", "app1"))).isEqualTo(2409);
        assertThat(client.errorCode(Docs.CREATE_ROLE, Map.of("code", "x", "namespace", "nope"))).isEqualTo(2404);

        client.data(Docs.ASSIGN_ROLE, Map.of("roleCodes", List.of("admin", "viewer"), "userIds", List.of(u), "namespace", "app1"));
        client.data(Docs.ASSIGN_ROLE, Map.of("roleCode", "admin", "userIds", List.of(u)));
        assertThat(client.data(Docs.GET_USER_ROLES, Map.of("id", u, "namespace", "app1")).path("user").path("roles")
                .path("list").findValuesAsText("code")).containsExactlyInAnyOrder("admin", "viewer");
        assertThat(client.data(Docs.GET_USER_ROLES, Map.of("id", u)).path("user").path("roles").path("totalCount").asInt())
                .isEqualTo(1);
        JsonNode users = client.data(Docs.ROLE_WITH_USERS, Map.of("code", "viewer", "namespace", "app1")).path("role").path("users");
        assertThat(users.path("list").findValuesAsText("id")).containsExactly(u);
        assertThat(client.data(Docs.ROLE_WITH_USERS, Map.of("code", "ghost")).path("role").isNull()).isTrue();
        assertThat(client.data(Docs.ROLES, Map.of("namespace", "app1")).path("roles").path("totalCount").asInt()).isEqualTo(2);

        client.data(Docs.REVOKE_ROLE, Map.of("roleCodes", List.of("viewer"), "userIds", List.of(u), "namespace", "app1"));
        assertThat(client.data(Docs.GET_USER_ROLES, Map.of("id", u, "namespace", "app1")).path("user").path("roles")
                .path("list").findValuesAsText("code")).containsExactly("admin");
        client.data(Docs.DELETE_ROLES, Map.of("codeList", List.of("admin"), "namespace", "app1"));
        assertThat(client.data(Docs.ROLE, Map.of("code", "admin", "namespace", "app1")).path("role").isNull()).isTrue();
        assertThat(client.data(Docs.ROLE, Map.of("code", "admin")).path("role").path("code").asText()).isEqualTo("admin");
    }

    @Test
    void deletingAUserDropsItsMemberships() {
        String u = client.createUser("username", "gone").path("id").asText();
        client.data(Docs.CREATE_GROUP, Map.of("code", "tmp", "name", "Tmp"));
        client.data(Docs.ADD_USER_TO_GROUP, Map.of("code", "tmp", "userIds", List.of(u)));
        client.data(Docs.DELETE_USER, Map.of("id", u));
        assertThat(client.data(Docs.GROUP_WITH_USERS, Map.of("code", "tmp")).path("group").path("users")
                .path("totalCount").asInt()).isZero();
    }
}
