package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo directory (300 users, groups, roles, nested departments) synced through the CLI into the
 * SCIM test server: a first sync, a no-change rerun, a change round, a removal and a guard stop.
 */
class ScimEndToEndTest {
  @TempDir Path dir;
  private ScimTestServer server;
  private Path ldif;
  private Path config;

  private record Result(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    server = ScimTestServer.start(ScimServerOptions.defaults());
    ldif = dir.resolve("corp.ldif");
    Files.copy(Path.of("config/demo/corp.ldif"), ldif);
    config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        state: {url: "jdbc:h2:file:%s"}
        reports: %s
        jobs:
          - name: scim
            source:
              type: ldap
              embedded: {ldif: [corp.ldif]}
              bindDn: cn=Directory Manager
              bindPassword: demo
              users: {baseDn: "ou=Departments,dc=corp,dc=example", filter: "(objectClass=inetOrgPerson)"}
              groups: {baseDn: "ou=Groups,dc=corp,dc=example", filter: "(objectClass=groupOfNames)"}
              departments: {baseDn: "ou=Departments,dc=corp,dc=example"}
            mapping: %s
            target:
              type: scim
              url: %s
              auth: {bearer: "${env:SCIM_TOKEN}"}
              customSchema: %s
            removal: {action: delete, maxDeletes: 30, maxDeletePercent: 10}
        """.formatted(dir.resolve("state"), dir.resolve("reports"), Path.of("mappings/demo-scim.yaml").toAbsolutePath(),
        server.baseUri(), ScimServerOptions.CUSTOM_SCHEMA));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Result sync(String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[2 + extra.length + 1];
    args[0] = "sync";
    args[1] = "-c";
    args[2] = config.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("SCIM_TOKEN", "test-token"), Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private long writes() {
    return server.requests().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET ")).mapToLong(Map.Entry::getValue).sum();
  }

  private void editLdif(String from, String to) throws IOException {
    String text = Files.readString(ldif);
    assertThat(text).contains(from);
    Files.writeString(ldif, text.replace(from, to));
  }

  /** Removes the first {@code n} user entries from the LDIF. */
  private void removeUsers(int n) throws IOException {
    String text = Files.readString(ldif);
    for (int i = 0; i < n; i++) {
      Matcher m = Pattern.compile("(?m)^dn: uid=[^\\n]*\\n(?:[^\\n]+\\n)*\\n?").matcher(text);
      assertThat(m.find()).isTrue();
      text = text.substring(0, m.start()) + text.substring(m.end());
    }
    Files.writeString(ldif, text);
  }

  @Test
  void aSyncAChangeRoundARemovalAndAGuardStopThroughTheCli() throws IOException {
    Result first = sync();
    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(0);
    assertThat(server.userCount()).isEqualTo(300);

    long before = writes();
    Result again = sync();
    assertThat(again.code()).as(again.out() + again.err()).isEqualTo(0);
    assertThat(writes()).as("a no-change rerun writes nothing: %s", server.requests()).isEqualTo(before);

    editLdif("cn: Finn Schmidt\n", "cn: Finn Schmidt-Berg\n");
    before = writes();
    Result change = sync();
    assertThat(change.code()).as(change.out() + change.err()).isEqualTo(0);
    assertThat(writes() - before).as("one PATCH for one changed name: %s", server.requests()).isEqualTo(1);

    removeUsers(1);
    Result removal = sync();
    assertThat(removal.code()).as(removal.out() + removal.err()).isEqualTo(0);
    assertThat(server.userCount()).isEqualTo(299);

    removeUsers(40);
    before = writes();
    Result guarded = sync();
    assertThat(guarded.code()).as(guarded.out() + guarded.err()).isEqualTo(3);
    assertThat(writes()).isEqualTo(before);
    assertThat(server.userCount()).isEqualTo(299);
  }
}
