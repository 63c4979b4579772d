package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The CLI ({@code Main.run}) on the demo directory (a copy of config/demo/corp.ldif owned by the
 * test) into a SCIM test server, with a job config written for it: the SCIM end-to-end tests' fixture.
 */
final class ScimCli {
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private final Path dir;
  private final Path ldif;
  private final Path config;

  /**
   * @param target extra lines of the job's {@code target:} section (indented by 6), e.g. {@code roles: attribute}
   * @param url the SCIM base URL
   */
  ScimCli(Path dir, String url, Path mapping, String target) {
    this.dir = dir;
    this.ldif = dir.resolve("corp.ldif");
    this.config = dir.resolve("dirsync.yaml");
    try {
      Files.createDirectories(dir);
      Files.copy(Path.of("config/demo/corp.ldif"), ldif);
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
          %s
              removal: {action: delete, maxDeletes: 30, maxDeletePercent: 10}
          """.formatted(dir.resolve("state"), dir.resolve("reports"), mapping.toAbsolutePath(), url, target.stripTrailing()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path config() {
    return config;
  }

  Path dir() {
    return dir;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("SCIM_TOKEN", "test-token"), Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result sync() {
    return run("sync", "-c", config.toString());
  }

  void editLdif(String from, String to) {
    try {
      String text = Files.readString(ldif);
      assertThat(text).contains(from);
      Files.writeString(ldif, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
