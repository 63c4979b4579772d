package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's migration walk-through, on the shipped example: hashes and history carried over. */
class MigrationTest {
  private static final Path CONFIG = Path.of("config/examples/migration/dirsync.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void aLegacyExportIsMigratedWithPasswordHashesSignUpTimesAndLoginHistoryKept() throws IOException {
    App app = new App(Map.of("DIRSYNC_DATA", data.toString()), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));

    RunReport first = app.sync(CONFIG, null, new SyncOptions(false, null, false));
    RunReport second = app.sync(CONFIG, null, new SyncOptions(false, null, false));

    assertThat(first.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(first.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(2);
    assertThat(second.changesApplied()).as("a rerun of a finished migration changes nothing").isZero();
    assertThat(reportFiles()).hasSize(2).allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain("W6ph5Mm5"));

    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withDataDir(data.resolve("migration/sandbox")), Clock.systemUTC())) {
      JsonNode ada = findUser(sandbox, "L-0001");
      assertThat(ada.get("username").asText()).isEqualTo("ada");
      assertThat(ada.get("email").asText()).isEqualTo("ada.lovelace@legacy.example");
      assertThat(ada.get("password").asText()).isEqualTo("{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g4bWx9");
      assertThat(ada.get("signedUp").asText()).startsWith("2012-03-14T09:30:00");
      assertThat(ada.get("loginsCount").asInt()).isEqualTo(812);
      assertThat(ada.get("lastLogin").asText()).startsWith("2026-11-20T08:15:00");
      JsonNode alan = findUser(sandbox, "L-0002");
      assertThat(alan.get("password").asText()).isEqualTo("{CRYPT}$6$rounds=5000$saltsalt$Fb4f0e9c2ba8ae7d6b");
      assertThat(alan.get("loginsCount").asInt()).isEqualTo(3);
    }
  }

  private java.util.List<Path> reportFiles() throws IOException {
    try (var files = Files.list(data.resolve("migration/reports"))) {
      return files.filter(f -> f.toString().endsWith(".json")).toList();
    }
  }

  /** Reads the stored user straight off the wire, password hash included (the client never exposes it). */
  private static JsonNode findUser(SandboxServer sandbox, String externalId) throws IOException {
    OkHttpClient http = new OkHttpClient();
    String token = graphql(http, sandbox, null, "query accessToken($userPoolId: String!, $secret: String!) { accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken } }",
        Map.of("userPoolId", "demo-pool", "secret", "demo-secret")).at("/data/accessToken/accessToken").asText();
    JsonNode user = graphql(http, sandbox, token, "query findUser($externalId: String) { findUser(externalId: $externalId) { username email password signedUp loginsCount lastLogin } }",
        Map.of("externalId", externalId)).at("/data/findUser");
    assertThat(user.isObject()).as("user %s exists", externalId).isTrue();
    return user;
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
