package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator reads after a command: counters that mean what they say, run kinds, JSON mode, validate. */
class OperatorOutputTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();

  record Result(int code, String out, String err) {}

  private Result dirsync(Map<String, String> extraEnv, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("DIRSYNC_DATA", dir.resolve("data").toString());
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        env, Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result demo(String... args) {
    return demo(Map.of(), args);
  }

  private Result demo(Map<String, String> env, String... args) {
    String[] withConfig = Arrays.copyOf(args, args.length + 2);
    withConfig[args.length] = "-c";
    withConfig[args.length + 1] = dir.resolve("config/dirsync.yaml").toString();
    return dirsync(env, withConfig);
  }

  private void copyDemo() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String file : new String[] {"config/dirsync.yaml", "config/demo/corp.ldif", "mappings/demo.yaml"}) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(root.resolve(file), target);
    }
  }

  private static int count(String summary, String label) {
    Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +(\\d+)$").matcher(summary);
    assertThat(m.find()).as("a '%s' line in:%n%s", label, summary).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void usersCreatedBlockedCountAsBlockedAndMembershipsAreCountedApartFromTheirOperations() throws IOException {
    copyDemo();
    long disabled = Files.readAllLines(dir.resolve("config/demo/corp.ldif")).stream().filter(l -> l.equals("employeeType: Disabled")).count();

    Path asked = dir.resolve("out/report.json");
    Result first = demo("sync", "--report", asked.toString());

    assertThat(first.code()).as(first.err()).isEqualTo(0);
    // --report: the same report as the one kept with the job's reports (copied, not written twice)
    Matcher kept = Pattern.compile("(?m)^ +report: +(\\S+\\.json)$").matcher(first.out());
    assertThat(kept.find()).as(first.out()).isTrue();
    assertThat(Files.readString(asked)).isEqualTo(Files.readString(Path.of(kept.group(1)))).contains("\"runId\"");
    assertThat(disabled).isPositive();
    assertThat(count(first.out(), "blocked")).isEqualTo((int) disabled);
    int memberships = count(first.out(), "memberships changed");
    int operations = count(first.out(), "membership operations");
    assertThat(operations).isPositive();
    // One add-to-group operation carries many users: the memberships outnumber the operations.
    assertThat(memberships).isGreaterThan(operations);
  }

  @Test
  void runsTellsSyncApplyAndDryRunApartAndApplySaysApplyInItsHeader() throws IOException {
    copyDemo();
    assertThat(demo("sync", "--dry-run").code()).isEqualTo(0);
    Path plan = dir.resolve("plan.json");
    assertThat(demo("plan", "--format", "json", "--out", plan.toString()).code()).isEqualTo(0);
    Result apply = demo("apply", plan.toString());
    assertThat(apply.code()).as(apply.err()).isEqualTo(0);
    assertThat(apply.out()).startsWith("dirsync apply · job demo");
    assertThat(demo("sync").code()).isEqualTo(0);

    Result runs = demo("runs");

    assertThat(runs.out()).containsPattern("(?m)^RUN +JOB +KIND ");
    List<String> kinds = runs.out().lines().skip(1).map(l -> l.split("\\s+")[2]).toList();
    assertThat(kinds).containsExactly("sync", "apply", "dry-run");
  }

  @Test
  void inJsonModeEveryLineOnStdoutAndStderrIsOneJsonObjectAndTheSummaryCarriesTheRunId() throws IOException {
    copyDemo();
    Map<String, String> jsonMode = Map.of("DIRSYNC_LOG_FORMAT", "json");

    Result sync = demo(jsonMode, "sync");
    Result validate = demo(jsonMode, "validate");
    Result bad = dirsync(jsonMode, "sync", "-c", dir.resolve("missing.yaml").toString());

    assertThat(sync.code()).isEqualTo(0);
    JsonNode summary = json.readTree(sync.out().strip());
    assertThat(summary.get("runId").asText()).isNotBlank();
    assertThat(summary.get("job").asText()).isEqualTo("demo");
    assertThat(summary.get("created").asInt()).isEqualTo(300);
    assertThat(summary.get("level").asText()).isEqualTo("INFO");
    assertThat(summary.get("message").asText()).startsWith("dirsync sync finished: success (exit 0)");
    assertThat(summary.get("report").asText()).endsWith(".json");
    for (Result r : List.of(sync, validate, bad)) {
      for (String line : (r.out() + r.err()).lines().toList()) {
        JsonNode node = json.readTree(line);
        assertThat(node.isObject()).as(line).isTrue();
        assertThat(node.has("time") && node.has("level") && node.has("logger") && node.has("message")).as(line).isTrue();
      }
    }
    assertThat(validate.out().lines().count()).isEqualTo(2);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("config file not found");
  }

  @Test
  void validateRejectsABrokenScheduleOrTimeZoneNamingFileLineAndColumn() throws IOException {
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        jobs:
          - name: words
            schedule: "every night"
            source: {type: ldif, files: [x.ldif], users: {baseDn: "dc=x"}}
            mapping: mapping.yaml
            target: {type: sandbox}
          - name: hour25
            schedule: "0 0 25 * * ?"
            timeZone: Mars/Olympus
            source: {type: ldif, files: [x.ldif], users: {baseDn: "dc=x"}}
            mapping: mapping.yaml
            target: {type: sandbox}
        """);

    Result validate = dirsync(Map.of(), "validate", "-c", config.toString());
    Result schedule = dirsync(Map.of(), "schedule", "-c", config.toString());

    for (Result r : List.of(validate, schedule)) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains(config + ":3:15: schedule \"every night\" is not a Quartz cron expression")
          .contains(config + ":8:15: schedule \"0 0 25 * * ?\" is not a Quartz cron expression")
          .contains(config + ":9:15: timeZone 'Mars/Olympus' is not a time zone")
          .doesNotContain("\tat ").doesNotContain("    at ");
    }
  }

  @Test
  void validateWithoutSecretsChecksAConfigWhoseSecretsAreNotSetHere() throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), "users:\n  externalId: employeeNumber\n  fields:\n    username: uid\n");
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        jobs:
          - name: prod
            schedule: "0 0 2 * * ?"
            source:
              type: ldap
              urls: [ldaps://dc1.corp.example:636]
              bindDn: cn=sync,dc=corp,dc=example
              bindPassword: ${env:LDAP_PASSWORD}
              users: {baseDn: "dc=corp,dc=example"}
            mapping: mapping.yaml
            target: {type: authing, userPoolId: pool1, secret: "${file:pool.secret}"}
        """);

    Result strict = dirsync(Map.of(), "validate", "-c", config.toString());
    Result noSecrets = dirsync(Map.of(), "validate", "--no-secrets", "-c", config.toString());

    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err()).contains("LDAP_PASSWORD is not set").contains("pool.secret");
    assertThat(noSecrets.code()).as(noSecrets.err()).isEqualTo(0);
    assertThat(noSecrets.out()).contains("OK, 1 job(s) (secrets not resolved)");
  }

  /** Four LDIF users (ann and bob share a phone, ann and cat an email) synced into a sandbox under dir; {@code extra}: more config. */
  private Path people(String extra) throws IOException {
    Files.writeString(dir.resolve("people.ldif"), """
        dn: uid=ann,ou=People,dc=x
        objectClass: inetOrgPerson
        uid: ann
        cn: Ann
        sn: A
        employeeNumber: E1
        mail: ann@example.org
        mobile: +8613800000001

        dn: uid=bob,ou=People,dc=x
        objectClass: inetOrgPerson
        uid: bob
        cn: Bob
        sn: B
        employeeNumber: E2
        mail: bob@example.org
        mobile: +8613800000001

        dn: uid=cat,ou=People,dc=x
        objectClass: inetOrgPerson
        uid: cat
        cn: Cat
        sn: C
        employeeNumber: E3
        mail: ANN@example.org

        dn: uid=dan,ou=People,dc=x
        objectClass: inetOrgPerson
        uid: dan
        cn: Dan
        sn: D
        employeeNumber: E4
        mail: dan@example.org
        """);
    Files.writeString(dir.resolve("mapping.yaml"), """
        users:
          externalId: employeeNumber
          fields:
            username: uid
            email: mail
            phone: mobile
            name: cn
        """);
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        state: {url: "jdbc:h2:file:./data/state"}
        reports: data/reports
        jobs:
          - name: people
            source: {type: ldif, files: [people.ldif], users: {baseDn: "dc=x"}}
            mapping: mapping.yaml
            target: {type: sandbox, data: data/sandbox}
        """ + extra);

    return config;
  }

  @Test
  void sourceUsersSharingAValueThePoolHoldsOnceAreBothSkippedWithTheirDnsAndNeverSent() throws IOException {
    Path config = people("");

    Result plan = dirsync(Map.of(), "plan", "-c", config.toString());
    Result sync = dirsync(Map.of(), "sync", "-c", config.toString());

    assertThat(plan.code()).as(plan.err()).isEqualTo(0);
    assertThat(plan.out())
        .contains("skipped uid=ann,ou=People,dc=x (unique values): email \"ann@example.org\" is also used by uid=cat,ou=People,dc=x")
        .contains("skipped uid=bob,ou=People,dc=x (unique values): phone \"+8613800000001\" is also used by uid=ann,ou=People,dc=x")
        .contains("skipped uid=cat,ou=People,dc=x (unique values)")
        .containsPattern("(?m)^  E4 +dan · dan@example.org · uid=dan,ou=People,dc=x ")
        .doesNotContainPattern("(?m)^  E[123] ");
    assertThat(sync.code()).as(sync.err()).isEqualTo(0);
    assertThat(count(sync.out(), "created")).isEqualTo(1);
    assertThat(count(sync.out(), "skipped")).isEqualTo(3);
    assertThat(count(sync.out(), "failed")).isZero();
  }

  @Test
  void aRunTellsTheWebhookAndLeavesItsMetricsForPushgatewayAndNodeExporter() throws Exception {
    try (io.dirsync.ops.HookServer hooks = new io.dirsync.ops.HookServer()) {
      Path config = people("""
          notifications:
            on: [success, failure]
            reportUrl: http://dirsync.internal:9464/reports/
            webhooks:
              - {url: "%s", format: slack}
              - url: "%s"
                headers: {Authorization: "Bearer ${env:HOOK_TOKEN}"}
          metrics:
            pushgateway: "%s"
            textfile: data/textfile/dirsync.prom
          """.formatted(hooks.url("/slack/T0/B0/tok3n"), hooks.url("/generic"), hooks.url("/gateway")));

      Result sync = dirsync(Map.of("HOOK_TOKEN", "s3cret"), "sync", "-c", config.toString());

      assertThat(sync.code()).as(sync.err()).isEqualTo(0);
      List<io.dirsync.ops.HookServer.Request> got = hooks.requests();
      assertThat(got).extracting(io.dirsync.ops.HookServer.Request::path)
          .containsExactlyInAnyOrder("/slack/T0/B0/tok3n", "/generic", "/gateway/metrics/job/dirsync/sync_job/people");
      io.dirsync.ops.HookServer.Request generic = got.stream().filter(r -> r.path().equals("/generic")).findFirst().orElseThrow();
      assertThat(generic.headers().get("Authorization")).containsExactly("Bearer s3cret");
      JsonNode body = json.readTree(generic.body());
      assertThat(body.get("event").asText()).isEqualTo("success");
      assertThat(body.get("counts").get("created").asInt()).isEqualTo(1);
      assertThat(body.get("report").asText()).startsWith("http://dirsync.internal:9464/reports/").endsWith(".html");
      assertThat(Files.readString(dir.resolve("data/textfile/dirsync.prom")))
          .contains("dirsync_runs_total{dry_run=\"false\",outcome=\"success\",sync_job=\"people\"} 1.0");
      assertThat(sync.out() + sync.err()).doesNotContain("tok3n").doesNotContain("s3cret");
    }
  }

  @Test
  void aNotificationEventThatDoesNotExistIsAConfigurationError() throws IOException {
    Path config = people("notifications: {on: [sometimes]}\n");

    Result r = dirsync(Map.of(), "validate", "-c", config.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern(Pattern.quote(config.toString()) + ":\\d+:\\d+: notifications.on: 'sometimes' is not one of");
  }
}
