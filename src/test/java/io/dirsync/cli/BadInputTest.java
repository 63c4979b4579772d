package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.cli.UnattendedFixture.Store;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in its documented exit code, names the file and line, records the run, and shows no stack trace. */
class BadInputTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(UnattendedFixture fixture, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        fixture.env(), Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private UnattendedFixture fixture() {
    return new UnattendedFixture(dir, Store.H2);
  }

  @Test
  void aMalformedLdifForTheEmbeddedSourceExitsTwoNamingFileAndLineAndIsRecorded() throws IOException {
    UnattendedFixture f = fixture();
    Path config = f.write(3, f.sandboxTarget(), "");
    f.writeFile("people.ldif", Files.readString(dir.resolve("people.ldif")).replace("uid: u0002\n", "uid u0002 has no colon\n"));

    Result r = run(f, "sync", "-c", config.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out() + r.err()).contains(dir.resolve("people.ldif") + " line ").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(f.runs()).singleElement().satisfies(run -> {
      assertThat(run.outcome()).isEqualTo(RunOutcome.CONFIG_ERROR);
      assertThat(run.message()).contains("people.ldif line ");
    });
    try (Stream<Path> reports = Files.list(dir.resolve("data/reports"))) {
      assertThat(reports.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
    }
  }

  @Test
  void anEmptyLdifExitsTwoNamingTheFileAndIsRecorded() throws IOException {
    UnattendedFixture f = fixture();
    Path config = f.write(3, f.sandboxTarget(), "");
    f.writeFile("people.ldif", "");

    Result r = run(f, "sync", "-c", config.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out() + r.err()).contains(dir.resolve("people.ldif") + " line 1: the file holds no LDIF entries")
        .doesNotContain("\tat ");
    assertThat(f.runs()).singleElement().extracting(RunSummary::outcome).isEqualTo(RunOutcome.CONFIG_ERROR);
  }

  @Test
  void anUnreachableSourceExitsFourAndIsRecorded() {
    UnattendedFixture f = fixture();
    f.write(3, f.sandboxTarget(), "");
    Path config = f.writeFile("dirsync.yaml", UnattendedFixture.text(dir.resolve("dirsync.yaml"))
        .replace("embedded: {ldif: [people.ldif]}", "urls: [\"ldap://127.0.0.1:1\"]\n      bindDn: cn=x\n      bindPassword: y"));

    Result r = run(f, "sync", "-c", config.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.out() + r.err()).doesNotContain("\tat ");
    assertThat(f.runs()).singleElement().extracting(RunSummary::outcome).isEqualTo(RunOutcome.UNREACHABLE);
  }

  @Test
  void aMissingMappingFileIsReportedAtTheConfigLineThatNamesIt() {
    UnattendedFixture f = fixture();
    f.write(3, f.sandboxTarget(), "");
    Path config = f.writeFile("dirsync.yaml", UnattendedFixture.text(dir.resolve("dirsync.yaml")).replace("mapping: mapping.yaml", "mapping: nope.yaml"));

    for (String command : new String[] {"sync", "plan", "validate"}) {
      Result r = run(f, command, "-c", config.toString());

      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).contains(config + ":10:14: jobs[0].mapping: mapping file " + dir.resolve("nope.yaml") + " not found")
          .doesNotContain("nope.yaml:1:1");
    }
  }

  @Test
  void planSaysWhenTheGuardsWouldStopItAndExitsThreeWithCheck() throws IOException {
    UnattendedFixture f = fixture();
    Path config = f.write(6, f.sandboxTarget(), "");
    assertThat(run(f, "sync", "-c", config.toString()).code()).isZero();
    // four of six people leave: more than maxDeletes (2)
    String ldif = Files.readString(dir.resolve("people.ldif"));
    for (String uid : new String[] {"u0001", "u0002", "u0003", "u0004"}) {
      ldif = ldif.replace(UnattendedFixture.person(uid, "User " + Integer.parseInt(uid.substring(1))) + "\n", "");
    }
    f.writeFile("people.ldif", ldif);

    Result plain = run(f, "plan", "-c", config.toString());
    Result checked = run(f, "plan", "-c", config.toString(), "--check");
    Result sync = run(f, "sync", "-c", config.toString());

    assertThat(plain.code()).isZero();
    assertThat(plain.err()).contains("the safety guards would stop this plan");
    assertThat(checked.code()).isEqualTo(3);
    assertThat(checked.err()).contains("the safety guards would stop this plan");
    assertThat(sync.code()).isEqualTo(3);
  }

  @Test
  void planWithCheckExitsZeroWhenTheGuardsLetThePlanThrough() {
    UnattendedFixture f = fixture();
    Path config = f.write(3, f.sandboxTarget(), "");

    Result r = run(f, "plan", "-c", config.toString(), "--check");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("safety guards");
  }

  @Test
  void anUnexpectedErrorShowsNoStackTraceUnlessDebugAsksForIt() throws IOException {
    UnattendedFixture f = fixture();
    Path config = f.write(3, f.sandboxTarget(), "");
    Path plan = f.writeFile("plan.json", "{\"job\": \"j\", \"operations\": 7}");

    Result quiet = run(f, "apply", plan.toString(), "-c", config.toString());
    Result debug = run(f, "--debug", "apply", plan.toString(), "-c", config.toString());

    assertThat(quiet.code()).isEqualTo(2);
    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(debug.code()).isEqualTo(2);
    assertThat(debug.err()).contains("\tat ");
  }
}
