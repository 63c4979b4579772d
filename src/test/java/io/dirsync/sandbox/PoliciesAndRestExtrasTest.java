package io.dirsync.sandbox;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliciesAndRestExtrasTest {
    private static final String CREATE_POLICY = "mutation createPolicy($namespace: String, $code: String!, "
            + "$description: String, $statements: [PolicyStatementInput!]!) { createPolicy(namespace: $namespace, "
            + "code: $code, description: $description, statements: $statements) { namespace code isDefault description "
            + "statements { resource actions effect condition { param operator value } } createdAt updatedAt assignmentsCount } }";
    private static final String ADD_ASSIGNMENTS = "mutation addPolicyAssignments($policies: [String!]!, "
            + "$targetType: PolicyAssignmentTargetType!, $targetIdentifiers: [String!], $inheritByChildren: Boolean, "
            + "$namespace: String) { addPolicyAssignments(policies: $policies, targetType: $targetType, "
            + "targetIdentifiers: $targetIdentifiers, inheritByChildren: $inheritByChildren, namespace: $namespace) { message code } }";
    private static final String REMOVE_ASSIGNMENTS = "mutation removePolicyAssignments($policies: [String!]!, "
            + "$targetType: PolicyAssignmentTargetType!, $targetIdentifiers: [String!], $namespace: String) "
            + "{ removePolicyAssignments(policies: $policies, targetType: $targetType, targetIdentifiers: $targetIdentifiers, "
            + "namespace: $namespace) { message code } }";
    private static final String ASSIGNMENTS = "query policyAssignments($namespace: String, $code: String, "
            + "$targetType: PolicyAssignmentTargetType, $targetIdentifier: String, $page: Int, $limit: Int) "
            + "{ policyAssignments(namespace: $namespace, code: $code, targetType: $targetType, "
            + "targetIdentifier: $targetIdentifier, page: $page, limit: $limit) { totalCount list { code targetType targetIdentifier } } }";

    private final SandboxServer server = SandboxServer.start(SandboxOptions.defaults(), TestClock.at("2026-01-01T00:00:00Z"));
    private final TestClient client = new TestClient(server);

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void policiesAreCreatedAssignedListedAndUnassigned() {
        String user = client.createUser("username", "pol").path("id").asText();
        JsonNode policy = client.data(CREATE_POLICY, Map.of("code", "read-all", "statements", List.of(Map.of(
                "resource", "books:*", "actions", List.of("books:read"), "effect", "ALLOW",
                "condition", List.of(Map.of("param", "ip", "operator", "eq", "value", Map.of("a", 1))))))).path("createPolicy");
        assertThat(policy.path("namespace").asText()).isEqualTo("default");
        assertThat(policy.path("statements").get(0).path("condition").get(0).path("value").path("a").asInt()).isEqualTo(1);

        client.data(ADD_ASSIGNMENTS, Map.of("policies", List.of("read-all"), "targetType", "USER", "targetIdentifiers", List.of(user)));
        JsonNode listed = client.data(ASSIGNMENTS, Map.of("targetType", "USER", "targetIdentifier", user, "page", 1, "limit", 10))
                .path("policyAssignments");
        assertThat(listed.path("totalCount").asInt()).isEqualTo(1);
        assertThat(listed.path("list").get(0).path("code").asText()).isEqualTo("read-all");
        assertThat(client.errorCode(ADD_ASSIGNMENTS, Map.of("policies", List.of("nope"), "targetType", "USER",
                "targetIdentifiers", List.of(user)))).isEqualTo(2404);

        client.data(REMOVE_ASSIGNMENTS, Map.of("policies", List.of("read-all"), "targetType", "USER", "targetIdentifiers", List.of(user)));
        assertThat(client.data(ASSIGNMENTS, Map.of("code", "read-all")).path("policyAssignments").path("totalCount").asInt()).isZero();
    }

    @Test
    void searchUserHonoursGroupRoleAndDepartmentOptions() {
        String a = client.createUser("username", "find-a").path("id").asText();
        String b = client.createUser("username", "find-b").path("id").asText();
        client.data(Docs.CREATE_GROUP, Map.of("code", "finders", "name", "F"));
        client.data(Docs.ADD_USER_TO_GROUP, Map.of("code", "finders", "userIds", List.of(a)));
        client.data(Docs.CREATE_ROLE, Map.of("code", "seeker"));
        client.data(Docs.ASSIGN_ROLE, Map.of("roleCode", "seeker", "userIds", List.of(b)));
        JsonNode org = client.data(Docs.CREATE_ORG, Map.of("name", "S", "code", "s")).path("createOrg");
        String child = client.data(Docs.ADD_NODE, Map.of("orgId", org.path("id").asText(), "name", "C", "code", "c"))
                .path("addNodeV2").path("id").asText();
        client.data(Docs.ADD_MEMBER, Map.of("nodeId", child, "userIds", List.of(b)));

        assertThat(search(Map.of("query", "find", "groupOpts", List.of(Map.of("code", "finders"))))).containsExactly("find-a");
        assertThat(search(Map.of("query", "find", "roleOpts", List.of(Map.of("code", "seeker"))))).containsExactly("find-b");
        assertThat(search(Map.of("query", "find", "departmentOpts", List.of(Map.of("departmentId",
                org.path("rootNode").path("id").asText(), "includeChildrenDepartments", true))))).containsExactly("find-b");
        assertThat(search(Map.of("query", "FIND-", "fields", List.of("username")))).containsExactly("find-a", "find-b");
        JsonNode filtered = client.rest("POST", "/api/v2/users/filter", Map.of("page", 1, "limit", 10,
                "filter", List.of(List.of("username", "EQ", "find-b")))).path("data");
        assertThat(filtered.path("totalCount").asInt()).isEqualTo(1);
    }

    private List<String> search(Map<String, Object> variables) {
        return client.data(Docs.SEARCH_USER, variables).path("searchUser").path("list").findValuesAsText("username");
    }

    @Test
    void namespacesCanBeUpdatedAndDeletedButNotTheDefault() {
        client.rest("POST", "/api/v2/resource-namespace/demo-pool", Map.of("code", "ns1", "name", "One"));
        JsonNode updated = client.rest("PUT", "/api/v2/resource-namespace/demo-pool/code/ns1", Map.of("name", "Uno"));
        assertThat(updated.path("data").path("name").asText()).isEqualTo("Uno");
        assertThat(client.rest("DELETE", "/api/v2/resource-namespace/demo-pool/code/ns1", null).path("code").asInt()).isEqualTo(200);
        assertThat(client.rest("DELETE", "/api/v2/resource-namespace/demo-pool/code/default", null).path("code").asInt()).isEqualTo(400);
        assertThat(client.rest("GET", "/api/v2/resource-namespace/other-pool", null).path("code").asInt()).isEqualTo(2036);
    }

    @Test
    void resignUsesTheV3EnvelopeAndUnknownRoutesAre404() throws Exception {
        String id = client.createUser("username", "leaver").path("id").asText();
        JsonNode resigned = client.rest("POST", "/api/v3/resign-user", Map.of("userId", id));
        assertThat(resigned.path("statusCode").asInt()).isEqualTo(200);
        assertThat(client.data(Docs.FIND_USER, Map.of("username", "leaver")).path("findUser").path("status").asText())
                .isEqualTo("Resigned");
        try (Response r = client.http.newCall(new Request.Builder().url(client.url("/api/v2/nothing-here"))
                .header("authorization", "Bearer " + client.token()).build()).execute()) {
            assertThat(r.code()).isEqualTo(404);
        }
    }

    @Test
    void optionsAreValidatedAndNeverPrintTheSecret() {
        assertThatThrownBy(() -> new SandboxOptions("", -1, null, "", "s", -1, 2, -5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host").hasMessageContaining("port").hasMessageContaining("userPoolId")
                .hasMessageContaining("rateLimitRps").hasMessageContaining("failRate").hasMessageContaining("latencyMillis");
        assertThat(SandboxOptions.defaults().toString()).doesNotContain("demo-secret");
    }
}
