package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.dirsync.app.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `dirsync schedule` with delta sync on a short cron (every 5 s) against slapd with syncprov: after the
 * first (full) firing, a user disabled in the directory is blocked by the next delta firing.
 */
class ScheduledDeltaTest {
  private static final String PEOPLE = "ou=People," + Slapd.BASE;

  @RegisterExtension static final Slapd SLAPD = new Slapd("dn: " + PEOPLE + "\nobjectClass: organizationalUnit\nou: People\n\n"
      + person("ann") + person("bob") + person("carl"), true);

  @TempDir Path dir;

  private static String person(String uid) {
    return "dn: uid=" + uid + "," + PEOPLE + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + uid + "\nsn: " + uid
        + "\nmail: " + uid + "@example.org\n\n";
  }

  @Test
  void aUserDisabledInTheDirectoryIsBlockedByTheNextDeltaFiring() throws Exception {
    String mapping = Files.readString(Path.of("mappings/openldap-inetorgperson.yaml"))
        .replace("base: ou=People,dc=example,dc=org", "base: " + PEOPLE);
    Files.writeString(dir.resolve("mapping.yaml"), mapping);
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        state: {url: "jdbc:h2:file:%1$s/state"}
        reports: %1$s/reports
        http: {address: 127.0.0.1, port: 0}
        jobs:
          - name: ldap
            schedule: "0/5 * * * * ?"
            source:
              type: ldap
              urls: [%2$s]
              bindDn: %3$s
              bindPassword: %4$s
              users: {baseDn: "%5$s", filter: "(objectClass=inetOrgPerson)"}
              delta: {fullEvery: 24h}
            mapping: mapping.yaml
            target: {type: sandbox, data: %1$s/sandbox, userPoolId: p, secret: s}
        """.formatted(dir, SLAPD.url(), Slapd.READER_DN, Slapd.READER_PASSWORD, PEOPLE));
    App app = new App(Map.of(), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    CompletableFuture<Void> daemon = CompletableFuture.runAsync(() -> app.schedule(config, new PrintStream(new ByteArrayOutputStream())));
    try {
      awaitReport("delta run:");
      try (LDAPConnection c = new LDAPConnection("127.0.0.1", Integer.parseInt(SLAPD.url().replaceAll(".*:", "")),
          Slapd.ROOT_DN, "root-Pa55")) {
        c.modify("uid=bob," + PEOPLE, new Modification(ModificationType.ADD, "employeeType", "Disabled"));
      }

      String blocked = awaitReport("delta run: 1 changed user(s) read");

      assertThat(blocked).contains("\"SUCCESS\"").contains("\"updateUser\"");
    } finally {
      app.requestStop();
      daemon.get(60, TimeUnit.SECONDS);
    }
  }

  /** Polls (bounded) the JSON reports the scheduled runs write for one whose text contains {@code text}. */
  private String awaitReport(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Path reports = dir.resolve("reports");
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(reports)) {
        try (java.util.stream.Stream<Path> files = Files.list(reports)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
            String body = Files.readString(f);
            if (body.contains(text)) return body;
          }
        }
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("no report containing '" + text + "' within 120 s");
  }
}
