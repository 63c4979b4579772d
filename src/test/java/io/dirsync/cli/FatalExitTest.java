package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that runs out of memory ends at once with exit 70 and one line, never exit 1 or a hang. */
class FatalExitTest {

  @Test
  @org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang fails the test
  void runningOutOfMemoryExitsWith70AtOnce(@TempDir Path dir) throws Exception {
    Path ldif = dir.resolve("big.ldif");
    StringBuilder text = new StringBuilder("dn: dc=x\nobjectClass: domain\ndc: x\n\n");
    for (int i = 0; i < 60_000; i++) {
      text.append("dn: uid=u").append(i).append(",dc=x\nobjectClass: inetOrgPerson\nuid: u").append(i)
          .append("\ncn: User ").append(i).append("\nsn: S").append(i).append("\nemployeeNumber: ").append(i).append("\n\n");
    }
    Files.writeString(ldif, text, StandardCharsets.UTF_8);
    Path mapping = dir.resolve("m.yaml");
    Files.writeString(mapping, "users:\n  externalId: employeeNumber\n  fields:\n    username: uid\n");
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        state:
          url: jdbc:h2:file:%s/state
        jobs:
          - name: oom
            source:
              type: ldap
              embedded: {ldif: [%s]}
              users: {baseDn: "dc=x", filter: "(objectClass=inetOrgPerson)"}
            mapping: %s
            target: {type: sandbox, data: %s/sandbox, userPoolId: p, secret: s, orgCode: o}
        """.formatted(dir, ldif, mapping, dir));

    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "plan", "-c", config.toString())
        .redirectErrorStream(true).start();
    String output = readAll(process);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(70);
    assertThat(output).contains("fatal JVM error, exiting with code 70: out of memory").doesNotContain("\tat ");
  }

  private static String readAll(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
