package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SCIM test server over HTTPS with a certificate from a throwaway CA made by openssl for the
 * run (as the LDAP TLS tests make theirs): the adapter and the CLI trust it through
 * {@code target.trustStore} as PEM, PKCS#12 or JKS, and without it the run stops with a clear error
 * (exit 4, no stack trace).
 */
class ScimTlsTest {
  private static final String STORE_PASSWORD = "changeit-test";
  @TempDir static Path dir;
  private static ScimTestServer server;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=dirsync SCIM test CA",
        "-keyout", "ca.key", "-out", "ca.pem");
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
    run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", "san.cnf", "-out", "server.pem");
    run("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-name", "server",
        "-out", "server.p12", "-passout", "pass:" + STORE_PASSWORD);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "ca.p12", "-storetype", "PKCS12",
        "-storepass", STORE_PASSWORD);
    run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "ca.jks", "-storetype", "JKS",
        "-storepass", STORE_PASSWORD);
    server = ScimTestServer.start(ScimServerOptions.defaults().withTls(dir.resolve("server.p12"), STORE_PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
  }

  private static ScimDirectory directory(Path trustStore, String password) {
    return new ScimDirectory(ScimSettings.of(server.baseUri(), new ScimAuth.Bearer("test-token")).withTrustStore(trustStore, password),
        Clock.systemUTC());
  }

  @Test
  void theServerIsTrustedThroughAPemAPkcs12OrAJksTrustStore() {
    assertThat(server.baseUri().getScheme()).isEqualTo("https");
    List<String> created = new ArrayList<>();
    for (Object[] store : new Object[][] {{"ca.pem", null}, {"ca.p12", STORE_PASSWORD}, {"ca.jks", STORE_PASSWORD}}) {
      try (ScimDirectory d = directory(dir.resolve((String) store[0]), (String) store[1])) {
        d.checkAccess();
        String id = "tls-" + store[0];
        created.add(d.createUser(DesiredUser.of(ExternalId.of(id), Map.of("username", id))).id());
      }
    }
    assertThat(created).hasSize(3).doesNotContainNull();
  }

  @Test
  void withoutTheTrustStoreTheHandshakeFailsFatallyNamingTheFix() {
    try (ScimDirectory d = directory(null, null)) {
      DirectoryException e = org.assertj.core.api.Assertions.catchThrowableOfType(d::checkAccess, DirectoryException.class);
      assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL);
      assertThat(e.getMessage()).contains("TLS handshake failed").contains("target.trustStore");
    }
  }

  @Test
  void theCliSyncsOverHttpsWithTheTrustStoreAndStopsWithExit4WithoutIt() {
    ScimCli trusted = new ScimCli(dir.resolve("trusted"), server.baseUri().toString(), Path.of("mappings/demo-scim.yaml"),
        "      trustStore: " + dir.resolve("ca.pem") + "\n");
    ScimCli.Result check = trusted.run("check", "-c", trusted.config().toString());
    assertThat(check.code()).as(check.all()).isZero();
    ScimCli.Result sync = trusted.sync();
    assertThat(sync.code()).as(sync.all()).isZero();
    assertThat(server.userCount()).isGreaterThanOrEqualTo(300);

    ScimCli untrusted = new ScimCli(dir.resolve("untrusted"), server.baseUri().toString(), Path.of("mappings/demo-scim.yaml"), "");
    for (ScimCli.Result r : List.of(untrusted.run("check", "-c", untrusted.config().toString()), untrusted.sync())) {
      assertThat(r.code()).as(r.all()).isEqualTo(4);
      assertThat(r.all()).contains("TLS handshake failed").contains("target.trustStore").doesNotContain("\tat ").doesNotContain("Exception:");
    }
  }
}
