package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.cli.Main;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped HR + AD example (config/examples/hr-ad), run from the command line: HR CSV export and
 * an AD forest in the in-memory LDAP server, joined per person into the sandbox directory.
 */
class HrAdExampleTest {
  private static final String CONFIG = "config/examples/hr-ad/dirsync.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private Path export;
  private final TestClock clock = TestClock.at("2026-12-30T12:00:00Z");

  private record Result(int code, String out, String err) {}

  @BeforeEach
  void copyTheShippedExport() throws IOException {
    export = data.resolve("hr.csv");
    Files.copy(Path.of("config/examples/hr-ad/hr.csv"), export);
  }

  private Result dirsync(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("DIRSYNC_DATA", data.toString(), "HR_EXPORT", export.toString()), clock);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theExampleJobJoinsHrAndAdAndReportsTheRecordsThatDoNotJoin() throws IOException {
    Result sync = dirsync("sync", "-c", CONFIG);

    assertThat(sync.code()).as(sync.out() + sync.err()).isZero();
    assertThat(sync.out()).contains("users in source             5").contains("created                     5")
        .contains("row:4: join: key \"E1004\" only in hr row:4, not in ad; synced from hr alone")
        .contains("CN=Ken Thompson,OU=Staff,DC=corp,DC=example: join: key \"E9001\" only in ad CN=Ken Thompson,"
            + "OU=Staff,DC=corp,DC=example, not in hr; skipped: every user must be in hr");
    assertThat(Files.readString(onlyReport())).contains("E9001").contains("only in hr row:4");
    JsonNode ada = user("E1001");
    assertThat(ada.get("username").asText()).as("AD wins the account name").isEqualTo("ada");
    assertThat(ada.get("name").asText()).as("HR wins the name over AD's displayName").isEqualTo("Ada Lovelace");
    assertThat(ada.get("email").asText()).isEqualTo("ada@corp.example");
    assertThat(ada.get("phone").asText()).as("AD's phone first").isEqualTo("+442079461001");
    JsonNode linus = user("E1004");
    assertThat(linus.get("username").asText()).as("no AD account yet: HR's fallback").isEqualTo("linus.x");
    assertThat(linus.get("phone").asText()).as("falls back to HR's phone").isEqualTo("+442079460004");
    assertThat(userByUsername("ken").isNull()).as("an AD account HR does not know is not synced").isTrue();

    Result again = dirsync("sync", "-c", CONFIG);
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("unchanged                   5");
  }

  @Test
  void theTitleAndDepartmentComeFromHrAndTheGroupsFromAd() throws IOException {
    Result plan = dirsync("plan", "-c", CONFIG, "--format", "json");

    assertThat(plan.code()).as(plan.err()).isZero();
    JsonNode ops = JSON.readTree(plan.out()).get("operations");
    JsonNode ada = find(ops, "CREATE_USER", "/user/externalId", "E1001").get("user");
    assertThat(ada.at("/customData/title").asText()).as("HR's title over AD's stale 'Engineer'").isEqualTo("Principal Engineer");
    assertThat(ada.at("/customData/adGuid").asText()).as("AD-only values still arrive").isEqualTo("00000000-0000-0000-0000-00003f250001");
    assertThat(plan.out()).contains("\"code\" : \"dept-engineering\"").doesNotContain("ad-r-d")
        .contains("\"code\" : \"vpn-users\"");
  }

  @Test
  void aLeaverIsBlockedOnTheDayOfTheirEndDate() throws IOException {
    assertThat(dirsync("sync", "-c", CONFIG).code()).isZero();
    assertThat(user("E1003").get("blocked").asBoolean()).as("Grace works until 2026-12-31").isFalse();
    assertThat(user("E1005").get("blocked").asBoolean()).as("Barbara is terminated").isTrue();

    clock.set(Instant.parse("2026-12-31T00:30:00Z"));
    Result leaving = dirsync("sync", "-c", CONFIG);

    assertThat(leaving.code()).as(leaving.out()).isZero();
    assertThat(leaving.out()).contains("updated                     1");
    assertThat(user("E1003").get("blocked").asBoolean()).isTrue();
    assertThat(user("E1001").get("blocked").asBoolean()).isFalse();
  }

  @Test
  void anEmptyHrExportStopsTheRunWithExitThreeAndChangesNothing() throws IOException {
    assertThat(dirsync("sync", "-c", CONFIG).code()).isZero();
    Files.writeString(export, Files.readAllLines(export).get(0) + "\n");

    Result empty = dirsync("sync", "-c", CONFIG);

    assertThat(empty.code()).as(empty.out() + empty.err()).isEqualTo(3);
    assertThat(empty.out()).contains("source hr delivered no users (last run: 6)").contains("--allow-mass-delete");
    assertThat(user("E1001").get("blocked").asBoolean()).isFalse();
  }

  @Test
  void anHrExportHalfItsUsualSizeStopsTheRunWithExitThree() throws IOException {
    assertThat(dirsync("sync", "-c", CONFIG).code()).isZero();
    List<String> lines = Files.readAllLines(export);
    Files.write(export, lines.subList(0, 4));

    Result half = dirsync("sync", "-c", CONFIG);

    assertThat(half.code()).as(half.out()).isEqualTo(3);
    assertThat(half.out()).contains("source hr delivered 3 users, 50.0% fewer than the 6 of the last run (maxDropPercent 50%)");
    assertThat(user("E1004").get("blocked").asBoolean()).isFalse();

    Result allowed = dirsync("sync", "-c", CONFIG, "--allow-mass-delete");
    assertThat(allowed.code()).as("an operator who means it goes through").isNotEqualTo(3);
    assertThat(allowed.out()).doesNotContain("stopped by a safety guard");
  }

  private Path onlyReport() throws IOException {
    try (var files = Files.list(data.resolve("hr-ad/reports"))) {
      return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
  }

  private static JsonNode find(JsonNode ops, String kind, String pointer, String value) {
    for (JsonNode op : ops) {
      if (op.get("kind").asText().equals(kind) && op.at(pointer).asText().equals(value)) return op;
    }
    throw new AssertionError("no " + kind + " with " + pointer + " = " + value);
  }

  private JsonNode user(String externalId) throws IOException {
    JsonNode user = query("findUser(externalId: $v)", externalId);
    assertThat(user.isObject()).as("user %s exists", externalId).isTrue();
    return user;
  }

  private JsonNode userByUsername(String username) throws IOException {
    return query("findUser(username: $v)", username);
  }

  private JsonNode query(String call, String value) throws IOException {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withDataDir(data.resolve("hr-ad/sandbox")), clock)) {
      OkHttpClient http = new OkHttpClient();
      String token = graphql(http, sandbox, null, "query accessToken($userPoolId: String!, $secret: String!) { accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken } }",
          Map.of("userPoolId", "demo-pool", "secret", "demo-secret")).at("/data/accessToken/accessToken").asText();
      return graphql(http, sandbox, token, "query q($v: String) { " + call + " { username name email phone blocked } }",
          Map.of("v", value)).at("/data/findUser");
    }
  }

  private static JsonNode graphql(OkHttpClient http, SandboxServer sandbox, String token, String query, Map<String, Object> variables) throws IOException {
    Request.Builder request = new Request.Builder().url(sandbox.baseUri().resolve("/graphql/v2").toString())
        .header("x-authing-userpool-id", "demo-pool")
        .post(RequestBody.create(JSON.writeValueAsString(Map.of("query", query, "variables", variables)), MediaType.get("application/json")));
    if (token != null) request.header("authorization", "Bearer " + token);
    try (Response response = http.newCall(request.build()).execute()) {
      return JSON.readTree(response.body().string());
    }
  }
}
