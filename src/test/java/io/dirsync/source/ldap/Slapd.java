package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway OpenLDAP slapd for one test class: its own config and mdb database in a temp
 * directory, the fixture loaded offline with slapadd, listening on 127.0.0.1 (ldap:// and
 * ldaps://, StartTLS too) with a CA and server certificate made by openssl for the run. Stopped by
 * PID after the class. Fails (never skips) when slapd is not installed.
 */
final class Slapd implements BeforeAllCallback, AfterAllCallback {
  static final String SLAPD = "/usr/sbin/slapd";
  static final String SLAPADD = "/usr/sbin/slapadd";
  static final String BASE = "dc=example,dc=org";
  static final String ROOT_DN = "cn=admin,dc=example,dc=org";
  static final String READER_DN = "cn=reader,dc=example,dc=org";
  static final String READER_PASSWORD = "reader-Pa55";
  static final int PAGED_SIZE_LIMIT = 1000;

  private final String fixture;
  private final boolean syncprov;
  private Path dir;
  private Process process;
  private int port;
  private int tlsPort;

  /** @param fixture LDIF text loaded with slapadd (the base entry and the reader account are added first) */
  Slapd(String fixture) {
    this(fixture, false);
  }

  /**
   * @param syncprov also load the syncprov overlay (RFC 4533 content synchronisation, with a session
   *     log) and refint (member values follow renames and deletions), as delta sync needs
   */
  Slapd(String fixture, boolean syncprov) {
    this.fixture = fixture;
    this.syncprov = syncprov;
  }

  String url() { return "ldap://127.0.0.1:" + port; }

  String ldapsUrl() { return "ldaps://127.0.0.1:" + tlsPort; }

  Path caPem() { return dir.resolve("ca.pem"); }

  int tlsPort() { return tlsPort; }

  Path dir() { return dir; }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!Files.isExecutable(Path.of(SLAPD)) || !Files.isExecutable(Path.of(SLAPADD))) {
      throw new AssertionError(SLAPD + " is not installed: apt-get install -y slapd ldap-utils");
    }
    dir = Files.createTempDirectory("dirsync-slapd-");
    Files.createDirectories(dir.resolve("data"));
    makeCertificates();
    Files.writeString(dir.resolve("slapd.conf"), config());
    Files.writeString(dir.resolve("fixture.ldif"), baseEntries() + fixture, StandardCharsets.UTF_8);
    run(List.of(SLAPADD, "-q", "-f", dir.resolve("slapd.conf").toString(), "-l", dir.resolve("fixture.ldif").toString()));
    port = freePort();
    tlsPort = freePort();
    process = new ProcessBuilder(SLAPD, "-f", dir.resolve("slapd.conf").toString(),
        "-h", url() + "/ " + ldapsUrl() + "/", "-d", "0")
        .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
    awaitAnswer();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    if (dir != null) deleteTree(dir);
  }

  private void awaitAnswer() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (true) {
      if (!process.isAlive()) throw new AssertionError("slapd exited: " + Files.readString(dir.resolve("slapd.log")));
      try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
        if (c.getRootDSE() != null) return;
      } catch (LDAPException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("slapd did not answer within 15 s: " + Files.readString(dir.resolve("slapd.log")));
        }
      }
      try {
        Thread.sleep(50); // polling a child process that starts asynchronously; bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private String config() {
    String d = dir.toString();
    return String.join("\n",
        "include /etc/ldap/schema/core.schema",
        "include /etc/ldap/schema/cosine.schema",
        "include /etc/ldap/schema/nis.schema",
        "include /etc/ldap/schema/inetorgperson.schema",
        "pidfile " + d + "/slapd.pid",
        "argsfile " + d + "/slapd.args",
        "modulepath /usr/lib/ldap",
        "moduleload back_mdb",
        syncprov ? "moduleload syncprov\nmoduleload refint" : "",
        "loglevel none",
        "TLSCACertificateFile " + d + "/ca.pem",
        "TLSCertificateFile " + d + "/server.pem",
        "TLSCertificateKeyFile " + d + "/server.key",
        // an ordinary account gets at most 1000 entries per search unless it pages
        "sizelimit size.soft=" + PAGED_SIZE_LIMIT + " size.hard=" + PAGED_SIZE_LIMIT + " size.prtotal=unlimited",
        "database mdb",
        "suffix \"" + BASE + "\"",
        "rootdn \"" + ROOT_DN + "\"",
        "rootpw root-Pa55",
        "directory " + d + "/data",
        "maxsize 1073741824",
        "dbnosync",
        "index objectClass eq",
        "index uid,member eq",
        "access to * by * read",
        syncprov ? "index entryCSN,entryUUID eq\noverlay syncprov\nsyncprov-checkpoint 100 10\nsyncprov-sessionlog 1000\n"
            + "overlay refint\nrefint_attributes member" : "",
        "");
  }

  private static String baseEntries() {
    return "dn: " + BASE + "\nobjectClass: domain\ndc: example\n\n"
        + "dn: " + READER_DN + "\nobjectClass: person\nobjectClass: simpleSecurityObject\ncn: reader\nsn: reader\n"
        + "userPassword: " + READER_PASSWORD + "\n\n";
  }

  private void makeCertificates() throws Exception {
    Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
    run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=dirsync test CA",
        "-keyout", "ca.key", "-out", "ca.pem"));
    run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-keyout", "server.key", "-out", "server.csr"));
    run(List.of("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", "san.cnf", "-out", "server.pem"));
  }

  /** A JKS trust store holding the test CA, made with keytool. */
  Path caJks(String password) throws Exception {
    Path jks = dir.resolve("ca.jks");
    if (!Files.exists(jks)) {
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      run(List.of(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem().toString(),
          "-keystore", jks.toString(), "-storetype", "JKS", "-storepass", password));
    }
    return jks;
  }

  private void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
