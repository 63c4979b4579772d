package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where roles and departments go ({@code target.roles}, {@code target.departments}: groups or
 * attribute), and servers that lack the Group resource type or the enterprise extension, through the
 * CLI on the demo directory.
 */
class ScimModesEndToEndTest {
  private static final Path MAPPING = Path.of("mappings/demo-scim.yaml");
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
  }

  private ScimTestServer server(ScimServerOptions options) {
    ScimTestServer s = ScimTestServer.start(options);
    opened.add(s);
    return s;
  }

  private ScimClient client(ScimTestServer s) {
    ScimClient c = new ScimClient(ScimSettings.of(s.baseUri(), new ScimAuth.Bearer("test-token")), Clock.systemUTC());
    opened.add(c);
    return c;
  }

  private static long writes(ScimTestServer s) {
    return s.requests().entrySet().stream().filter(e -> !e.getKey().startsWith("GET ")).mapToLong(Map.Entry::getValue).sum();
  }

  private static JsonNode user(ScimClient c, String externalId) {
    JsonNode list = c.get("Users", Map.of("filter", "externalId eq \"" + externalId + "\"")).body();
    assertThat(list.path("Resources").size()).as("user " + externalId).isEqualTo(1);
    return list.path("Resources").get(0);
  }

  private static List<String> roles(JsonNode user) {
    List<String> out = new ArrayList<>();
    user.path("roles").forEach(r -> out.add(r.path("value").asText() + "/" + r.path("type").asText()));
    return out;
  }

  private static List<String> groupKeys(ScimClient c) {
    List<String> out = new ArrayList<>();
    Paging.all(c, 200, "Groups", Map.of()).forEach(g -> out.add(g.path("externalId").asText()));
    return out;
  }

  /** The demo mapping without its groups section. */
  private Path mappingWithoutGroups() throws IOException {
    String text = Files.readString(MAPPING);
    int from = text.indexOf("\ngroups:\n");
    int to = text.indexOf("\nroles:\n");
    assertThat(from).isPositive().isLessThan(to);
    Path file = dir.resolve("no-groups.yaml");
    Files.writeString(file, text.substring(0, from) + text.substring(to));
    return file;
  }

  @Test
  void rolesAndDepartmentsAsAttributesAreSyncedChangedAndRevokedWithoutScimGroups() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimClient c = client(s);
    ScimCli cli = new ScimCli(dir, s.baseUri().toString(), MAPPING, "      roles: attribute\n      departments: attribute\n");

    ScimCli.Result first = cli.sync();
    assertThat(first.code()).as(first.all()).isZero();
    assertThat(s.userCount()).isEqualTo(300);
    assertThat(groupKeys(c)).isNotEmpty().noneMatch(k -> k.startsWith("role:") || k.startsWith("dept:"));
    JsonNode finn = user(c, "E10001");
    assertThat(finn.path(ENTERPRISE).path("department").asText()).isEqualTo("平台部");
    assertThat(roles(finn)).containsExactly("manager/default");
    assertThat(user(c, "E10002").path(ENTERPRISE).path("department").asText()).isEqualTo("平台部");
    assertThat(roles(user(c, "E10002"))).isEmpty();

    long before = writes(s);
    ScimCli.Result again = cli.sync();
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(writes(s)).as("a no-change rerun writes nothing: %s", s.requests()).isEqualTo(before);

    cli.editLdif("uid=finn.schmidt,ou=平台部,ou=研发中心,", "uid=finn.schmidt,ou=EMEA,ou=Sales,"); // the entry and every reference to it
    cli.editLdif("employeeNumber: E10001\ntitle: Engineering Manager\n", "employeeNumber: E10001\ntitle: Staff Engineer\n");
    cli.editLdif("employeeNumber: E10002\ntitle: QA Engineer\n", "employeeNumber: E10002\ntitle: QA Manager\n");
    before = writes(s);
    ScimCli.Result change = cli.sync();
    assertThat(change.code()).as(change.all()).isZero();
    assertThat(writes(s) - before).as("Finn: one PATCH for department and title, one for the revoked role; Li: one for the title,"
        + " one for the granted role: %s", s.requests()).isEqualTo(4);
    finn = user(c, "E10001");
    assertThat(finn.path(ENTERPRISE).path("department").asText()).isEqualTo("EMEA");
    assertThat(roles(finn)).isEmpty();
    assertThat(roles(user(c, "E10002"))).containsExactly("manager/default");

    before = writes(s);
    assertThat(cli.sync().code()).isZero();
    assertThat(writes(s)).isEqualTo(before);
  }

  @Test
  void rolesAndDepartmentsAsGroupsWhenConfiguredSo() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimClient c = client(s);
    ScimCli cli = new ScimCli(dir, s.baseUri().toString(), MAPPING, "      roles: groups\n      departments: groups\n");

    ScimCli.Result first = cli.sync();

    assertThat(first.code()).as(first.all()).isZero();
    assertThat(groupKeys(c)).contains("role:default:manager", "dept:dept-sales-emea");
    JsonNode finn = user(c, "E10001");
    assertThat(roles(finn)).isEmpty();
    assertThat(finn.path(ENTERPRISE).path("department").asText()).startsWith("dept-");
  }

  @Test
  void aServerWithoutGroupsTakesRolesAndDepartmentsAsAttributesAndRefusesGroupsClearly() throws IOException {
    ScimTestServer s = server(ScimServerOptions.defaults().withoutGroups());
    ScimCli refused = new ScimCli(dir.resolve("a"), s.baseUri().toString(), MAPPING, "      roles: attribute\n      departments: attribute\n");
    Files.createDirectories(dir.resolve("a"));

    ScimCli.Result withGroups = refused.sync();

    assertThat(withGroups.code()).as(withGroups.all()).isEqualTo(4);
    assertThat(withGroups.all()).contains("declares no Group resource type").contains("leave groups out of the mapping")
        .doesNotContain("\tat io.dirsync");
    assertThat(s.requests()).doesNotContainKeys("POST /Groups", "GET /Groups");

    Files.createDirectories(dir.resolve("b"));
    ScimCli cli = new ScimCli(dir.resolve("b"), s.baseUri().toString(), mappingWithoutGroups(),
        "      roles: attribute\n      departments: attribute\n");
    ScimCli.Result ok = cli.sync();
    assertThat(ok.code()).as(ok.all()).isZero();
    ScimClient c = client(s);
    assertThat(roles(user(c, "E10001"))).containsExactly("manager/default");
    assertThat(user(c, "E10001").path(ENTERPRISE).path("department").asText()).isEqualTo("平台部");
  }

  @Test
  void aServerWithoutTheEnterpriseExtensionGetsNoDepartmentAttributeAndSaysWhy() throws IOException {
    ScimTestServer s = server(ScimServerOptions.defaults().withoutEnterprise());
    Files.createDirectories(dir.resolve("a"));
    ScimCli groups = new ScimCli(dir.resolve("a"), s.baseUri().toString(), MAPPING, "      departments: groups\n");

    ScimCli.Result asGroups = groups.sync();

    assertThat(asGroups.code()).as(asGroups.all()).isZero();
    ScimClient c = client(s);
    assertThat(user(c, "E10001").has(ENTERPRISE)).isFalse();
    assertThat(groupKeys(c)).contains("dept:dept-sales-emea");
    long before = writes(s);
    assertThat(groups.sync().code()).isZero();
    assertThat(writes(s)).as("%s", s.requests()).isEqualTo(before);

    ScimTestServer other = server(ScimServerOptions.defaults().withoutEnterprise());
    Files.createDirectories(dir.resolve("b"));
    ScimCli attribute = new ScimCli(dir.resolve("b"), other.baseUri().toString(), MAPPING, "      departments: attribute\n");
    ScimCli.Result asAttribute = attribute.sync();
    assertThat(asAttribute.code()).as(asAttribute.all()).isEqualTo(1);
    assertThat(asAttribute.all()).contains("field department is an attribute of the enterprise extension")
        .contains("does not declare for Users in /ResourceTypes").doesNotContain("\tat io.dirsync");
  }
}
