package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first sync of the demo directory (300 users, each with a main department; groups of up to 85
 * members) through the CLI into a SCIM server without bulk: each user is
 * one POST /Users carrying its main department, and member PATCHes go per group or department, not
 * per plan chunk of 80.
 */
class ScimWithoutBulkSyncTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
  }

  @Test
  void eachUserIsOnePostWithItsMainDepartmentAndMembersGoOnePatchPerHundred() {
    ScimTestServer s = ScimTestServer.start(ScimServerOptions.defaults().withoutBulk());
    opened.add(s);
    ScimCli cli = new ScimCli(dir, s.baseUri().toString(), Path.of("mappings/demo-scim.yaml"), "");

    ScimCli.Result first = cli.sync();

    assertThat(first.code()).as(first.all()).isZero();
    assertThat(s.userCount()).isEqualTo(300);
    assertThat(s.requests()).as("%s", s.requests()).containsEntry("POST /Users", 300L)
        .doesNotContainKeys("PATCH /Users", "PUT /Users", "POST /Bulk");
    ScimClient c = new ScimClient(ScimSettings.of(s.baseUri(), new ScimAuth.Bearer("test-token")), Clock.systemUTC());
    opened.add(c);
    long memberCalls = 0;
    int departmentGroups = 0;
    for (JsonNode g : Paging.all(c, 200, "Groups", Map.of())) {
      long users = ScimGroups.membersOf(g, "User").size();
      memberCalls += (users + ScimGroups.MEMBER_CHUNK - 1) / ScimGroups.MEMBER_CHUNK + ScimGroups.membersOf(g, "Group").size();
      if (g.path("externalId").asText().startsWith(ScimDirectory.DEPT)) departmentGroups++;
    }
    assertThat(departmentGroups).isPositive();
    assertThat(s.requests().get("PATCH /Groups")).as("one PATCH per ≤ %d user members of each group, role and department,"
        + " one per department parent link: %s", ScimGroups.MEMBER_CHUNK, s.requests()).isEqualTo(memberCalls);

    JsonNode finn = c.get("Users", Map.of("filter", "externalId eq \"E10001\"")).body().path("Resources").get(0);
    assertThat(finn.path(ENTERPRISE).path("department").asText()).startsWith("dept-");
    long before = writes(s);
    ScimCli.Result again = cli.sync();
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(writes(s)).as("the main departments set on create need no second run: %s", s.requests()).isEqualTo(before);
  }

  private static long writes(ScimTestServer s) {
    return s.requests().entrySet().stream().filter(e -> !e.getKey().startsWith("GET ")).mapToLong(Map.Entry::getValue).sum();
  }
}
