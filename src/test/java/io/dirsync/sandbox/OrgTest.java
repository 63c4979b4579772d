package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgTest {
    private final SandboxServer server = SandboxServer.start(SandboxOptions.defaults(), TestClock.at("2026-01-01T00:00:00Z"));
    private final TestClient client = new TestClient(server);

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode addNode(String orgId, String parent, String name, String code) {
        return client.data(Docs.ADD_NODE, Map.of("orgId", orgId, "parentNodeId", parent, "name", name, "code", code))
                .path("addNodeV2");
    }

    @Test
    void nodesCarryRootToSelfPathsAndMoveAndDeleteAsSubtrees() {
        JsonNode org = client.data(Docs.CREATE_ORG, Map.of("name", "Acme", "code", "acme")).path("createOrg");
        String orgId = org.path("id").asText();
        String root = org.path("rootNode").path("id").asText();
        assertThat(org.path("nodes")).hasSize(1);
        assertThat(org.path("rootNode").path("root").asBoolean()).isTrue();
        assertThat(org.path("rootNode").path("code").asText()).isEqualTo("acme");

        JsonNode sales = addNode(orgId, root, "Sales", "sales");
        JsonNode east = addNode(orgId, sales.path("id").asText(), "East", "east");
        JsonNode rd = addNode(orgId, root, "R&D", "rd");
        assertThat(texts(east.path("path"))).containsExactly(root, sales.path("id").asText(), east.path("id").asText());
        assertThat(texts(east.path("codePath"))).containsExactly("acme", "sales", "east");
        assertThat(texts(east.path("namePath"))).containsExactly("Acme", "Sales", "East");
        assertThat(client.errorCode(Docs.ADD_NODE, Map.of("orgId", orgId, "name", "dup", "code", "sales"))).isEqualTo(2409);

        JsonNode moved = client.data(Docs.MOVE_NODE, Map.of("orgId", orgId, "nodeId", sales.path("id").asText(),
                "targetParentId", rd.path("id").asText())).path("moveNode");
        assertTreeIsConsistent(moved);
        JsonNode eastNow = client.data(Docs.NODE_BY_ID, Map.of("id", east.path("id").asText())).path("nodeById");
        assertThat(texts(eastNow.path("codePath"))).containsExactly("acme", "rd", "sales", "east");
        assertThat(client.errorCode(Docs.MOVE_NODE, Map.of("orgId", orgId, "nodeId", rd.path("id").asText(),
                "targetParentId", east.path("id").asText()))).isEqualTo(400);

        JsonNode renamed = client.data(Docs.UPDATE_NODE, Map.of("id", east.path("id").asText(), "name", "East Coast",
                "code", "east2")).path("updateNode");
        assertThat(renamed.path("name").asText()).isEqualTo("East Coast");
        assertThat(client.data(Docs.NODE_BY_CODE, Map.of("orgId", orgId, "code", "east2")).path("nodeByCode").path("id")
                .asText()).isEqualTo(east.path("id").asText());
        assertThat(client.data(Docs.NODE_BY_CODE, Map.of("orgId", orgId, "code", "east")).path("nodeByCode").isNull()).isTrue();
        assertThat(client.data(Docs.CHILDREN_NODES, Map.of("nodeId", rd.path("id").asText())).path("childrenNodes")
                .findValuesAsText("code")).containsExactly("sales");

        client.data(Docs.DELETE_NODE, Map.of("orgId", orgId, "nodeId", rd.path("id").asText()));
        assertThat(client.data(Docs.NODE_BY_ID, Map.of("id", east.path("id").asText())).path("nodeById").isNull()).isTrue();
        JsonNode after = client.data(Docs.ORG, Map.of("id", orgId)).path("org");
        assertThat(after.path("nodes")).hasSize(1);
        assertTreeIsConsistent(after);
    }

    @Test
    void membersCanBeAddedMovedRemovedAndGivenAMainDepartment() {
        JsonNode org = client.data(Docs.CREATE_ORG, Map.of("name", "Beta", "code", "beta")).path("createOrg");
        String orgId = org.path("id").asText();
        String root = org.path("rootNode").path("id").asText();
        String dev = addNode(orgId, root, "Dev", "dev").path("id").asText();
        String ops = addNode(orgId, root, "Ops", "ops").path("id").asText();
        String a = client.createUser("username", "ma").path("id").asText();
        String b = client.createUser("username", "mb").path("id").asText();

        JsonNode added = client.data(Docs.ADD_MEMBER, Map.of("nodeId", dev, "userIds", List.of(a, b))).path("addMember");
        assertThat(added.path("users").path("totalCount").asInt()).isEqualTo(2);
        assertThat(client.errorCode(Docs.ADD_MEMBER, Map.of("nodeId", dev, "userIds", List.of("ghost")))).isEqualTo(2004);

        JsonNode withChildren = client.data(Docs.NODE_WITH_MEMBERS, Map.of("id", root, "includeChildrenNodes", true,
                "page", 1, "limit", 1)).path("nodeById").path("users");
        assertThat(withChildren.path("totalCount").asInt()).isEqualTo(2);
        assertThat(withChildren.path("list")).hasSize(1);
        assertThat(client.data(Docs.NODE_WITH_MEMBERS, Map.of("id", root)).path("nodeById").path("users")
                .path("totalCount").asInt()).isZero();

        client.data(Docs.SET_MAIN_DEPARTMENT, Map.of("userId", a, "departmentId", dev));
        client.data(Docs.MOVE_MEMBERS, Map.of("userIds", List.of(a), "sourceNodeId", dev, "targetNodeId", ops));
        JsonNode departments = client.data(Docs.GET_USER_DEPARTMENTS, Map.of("id", a)).path("user").path("departments");
        assertThat(departments.path("totalCount").asInt()).isEqualTo(1);
        assertThat(departments.path("list").get(0).path("department").path("code").asText()).isEqualTo("ops");
        assertThat(departments.path("list").get(0).path("isMainDepartment").asBoolean()).isTrue();
        assertThat(texts(departments.path("list").get(0).path("department").path("namePath"))).containsExactly("Beta", "Ops");

        JsonNode removed = client.data(Docs.REMOVE_MEMBER, Map.of("nodeId", dev, "userIds", List.of(b))).path("removeMember");
        assertThat(removed.path("users").path("totalCount").asInt()).isZero();
        JsonNode orgs = client.rest("GET", "/api/v2/users/" + a + "/orgs", null).path("data");
        assertThat(orgs).hasSize(1);
        assertThat(orgs.get(0).get(0).path("type").asText()).isEqualTo("org");
        assertThat(orgs.get(0).findValuesAsText("code")).containsExactly("beta", "ops");
        assertThat(client.rest("GET", "/api/v2/orgs/count", null).path("data").path("count").asInt()).isPositive();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void assertTreeIsConsistent(JsonNode org) {
        Set<String> ids = new HashSet<>(org.path("nodes").findValuesAsText("id"));
        int roots = 0;
        for (JsonNode node : org.path("nodes")) {
            roots += node.path("root").asBoolean() ? 1 : 0;
            node.path("children").forEach(child -> assertThat(ids).contains(child.asText()));
            assertThat(texts(node.path("path"))).last().isEqualTo(node.path("id").asText());
        }
        assertThat(roots).isEqualTo(1);
    }
}
