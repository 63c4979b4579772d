package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes and messages users and scripts rely on. */
class CommandLineTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("DIRSYNC_DATA", dir.resolve("data").toString()), Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validateAcceptsTheShippedDemoConfigWithExitZero() {
    Result r = run("validate", "-c", "config/dirsync.yaml");

    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("config/dirsync.yaml: OK, 1 job(s)").contains("job demo: mapping").contains("demo.yaml OK");
  }

  @Test
  void aBadConfigExitsTwoNamingFileLineAndColumnOfEveryProblem() throws IOException {
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        jobs:
          - name: nightly
            source:
              type: ldap
              urls: [ldap://dc1.corp.example:389]
              users: {baseDn: "dc=corp,dc=example", scope: everything}
            mapping: mapping.yaml
            target: {type: authing, userPoolId: p, secret: s, colour: blue}
        """);

    Result r = run("sync", "-c", config.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(config + ":6:52: jobs[0].source.users.scope must be one of [one, sub], not 'everything'")
        .contains(config + ":8:55: unknown key 'colour' in jobs[0].target");
  }

  @Test
  void aMappingErrorIsReportedByValidateWithItsPosition() throws IOException {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, """
        users:
          externalId: employeeNumber
          fields:
            shoeSize: shoeSize
        """);
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        jobs:
          - name: j
            source: {type: ldif, files: [x.ldif], users: {baseDn: "dc=x"}}
            mapping: mapping.yaml
            target: {type: sandbox}
        """);

    Result r = run("validate", "-c", config.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(mapping + ":4:").contains("shoeSize");
  }

  @Test
  void aMissingConfigFileExitsTwo() {
    Result r = run("plan", "-c", dir.resolve("nope.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml").contains("config file not found");
  }

  @Test
  void anUnknownCommandOrOptionExitsTwoWithUsage() {
    assertThat(run("frobnicate").code()).isEqualTo(2);
    Result r = run("sync", "--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").contains("Usage: dirsync sync");
  }

  @Test
  void aFileThatIsNotAPlanExitsTwo() throws IOException {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, "{\"hello\": 1}");

    Result r = run("apply", plan.toString(), "-c", "config/dirsync.yaml");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(plan.toString()).contains("not a dirsync plan");
  }

  @Test
  void runsSaysSoWhenThereAreNone() {
    Result r = run("runs", "-c", "config/dirsync.yaml");

    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("no runs yet");
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Result r = run("--help");

    assertThat(r.code()).isEqualTo(0);
    // No line wraps: picocli would break a long one at 80 columns in the middle of a sentence.
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(r.out()).contains("sync", "plan", "apply", "schedule", "validate", "check", "runs", "sandbox")
        .contains("  3  stopped by a safety guard (nothing applied)")
        .containsPattern("(?m)^  4  source or target unreachable / authentication failed,$")
        .containsPattern("(?m)^     or stopped by SIGTERM / SIGINT \\(the run is recorded as stopped\\)$")
        .containsPattern("(?m)^  6  unexpected internal error$")
        .containsPattern("(?m)^ 70  fatal JVM error \\(out of memory\\): halted at once$")
        .containsPattern("(?m)^130/143  SIGINT/SIGTERM that did not end within 120 s; 137  kill -9$");
  }
}
