package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.source.ldap.EmbeddedDemoLdap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dirsync check` says what is wrong in words an operator can act on, and exits 4. */
class CheckCommandTest {
  private static SandboxServer sandbox;
  private static EmbeddedDemoLdap ldap;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withCredentials("pool-1", "right-secret"), Clock.systemUTC());
    ldap = EmbeddedDemoLdap.start(List.of(Path.of("config/demo/corp.ldif")), "cn=admin", "ldap-secret");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    ldap.close();
  }

  private String config(String url, String bindPassword, String poolSecret) throws IOException {
    Path file = dir.resolve("dirsync.yaml");
    Files.writeString(file, """
        state: {url: "jdbc:h2:file:%s/state"}
        jobs:
          - name: j
            source:
              type: ldap
              urls: [%s]
              bindDn: cn=admin
              bindPassword: %s
              connectTimeout: 2s
              users: {baseDn: "ou=Departments,dc=corp,dc=example", filter: "(objectClass=inetOrgPerson)"}
            mapping: %s
            target: {type: authing, host: "%s", userPoolId: pool-1, secret: %s}
        """.formatted(dir, url, bindPassword, Path.of("mappings/demo.yaml").toAbsolutePath(), sandbox.baseUri(), poolSecret));
    return file.toString();
  }

  private record Result(int code, String out) {}

  private Result check(String config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"check", "-c", config}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream()), Map.of(), Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everythingReachableExitsZeroAndSaysWhatItFound() throws IOException {
    Result r = check(config(ldap.url(), "ldap-secret", "right-secret"));

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).contains("source: bound as cn=admin").contains("300 users match").contains("target: authenticated to user pool pool-1");
  }

  @Test
  void aWrongBindPasswordAndAWrongPoolSecretAreBothNamedWithoutTheSecrets() throws IOException {
    Result r = check(config(ldap.url(), "not-the-ldap-password", "not-the-pool-secret"));

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).contains("source:").containsIgnoringCase("password").contains("target: FAILED");
    assertThat(r.out()).doesNotContain("not-the-ldap-password").doesNotContain("not-the-pool-secret");
  }

  @Test
  void aRefusedConnectionIsNamed() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Result r = check(config("ldap://127.0.0.1:" + closedPort, "ldap-secret", "right-secret"));

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).contains("127.0.0.1:" + closedPort).contains("FAILED");
  }
}
