package io.dirsync.testing;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway Active Directory for one test class: a Samba AD domain controller provisioned into a
 * temp directory (realm EXAMPLE.ORG, base DC=example,DC=org), LDAP on 127.0.0.1:389 with simple
 * binds allowed over plain LDAP, stopped by PID after the class. Its ports are fixed, so a file
 * lock keeps test JVMs on this machine to one DC at a time. Fails (never skips) when Samba is not
 * installed.
 */
public final class SambaDc implements BeforeAllCallback, AfterAllCallback {
  public static final String BASE = "DC=example,DC=org";
  public static final String ADMIN = "Administrator@example.org";
  public static final String PASSWORD = "Passw0rd!2024";
  public static final String URL = "ldap://127.0.0.1:389";
  private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "dirsync-samba-dc.lock");

  private final String fixture;
  private Path dir;
  private Process process;
  private FileChannel lockChannel;
  private FileLock lock;

  /** @param fixture LDIF loaded into the running DC with ldbadd ({@code BASE} spelled out) */
  public SambaDc(String fixture) {
    this.fixture = fixture;
  }

  public Path dir() { return dir; }

  /** A new connection bound as the domain administrator; the caller closes it. */
  public LDAPConnection connect() throws LDAPException {
    LDAPConnection c = new LDAPConnection("127.0.0.1", 389);
    try {
      c.bind(ADMIN, PASSWORD);
      return c;
    } catch (LDAPException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (String tool : List.of("/usr/bin/samba-tool", "/usr/sbin/samba", "/usr/bin/ldbadd")) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new AssertionError(tool + " is not installed: apt-get install -y samba samba-ad-dc samba-ad-provision ldb-tools");
      }
    }
    lockChannel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    lock = lockChannel.lock(); // blocks while another test JVM runs its DC on the same fixed ports
    dir = Files.createTempDirectory("dirsync-samba-").resolve("dc");
    String d = dir.toString();
    run(List.of("samba-tool", "domain", "provision", "--targetdir=" + d, "--use-rfc2307", "--realm=EXAMPLE.ORG",
        "--domain=EXAMPLE", "--server-role=dc", "--dns-backend=NONE", "--adminpass=" + PASSWORD, "--host-name=dc1",
        "--option=interfaces=lo", "--option=bind interfaces only=yes", "--option=netbios name=DC1",
        "--option=pid directory=" + d + "/run", "--option=log file=" + d + "/log/log.%m",
        "--option=ncalrpc dir=" + d + "/run/ncalrpc", "--option=winbindd socket directory=" + d + "/run/winbindd",
        "--option=ntp signd socket directory=" + d + "/run/ntp_signd", "--option=server services=ldap cldap"), 300);
    for (String sub : List.of("run", "log", "cache")) Files.createDirectories(dir.resolve(sub));
    Path smbConf = dir.resolve("etc/smb.conf");
    // provisioning drops this option; without it simple binds over plain ldap:// are refused
    Files.writeString(smbConf, Files.readString(smbConf).replaceFirst("(?m)^\\[global\\]$",
        "[global]\n\tldap server require strong auth = no"));
    process = new ProcessBuilder("samba", "-s", smbConf.toString(), "-i", "-M", "single", "--debug-stdout", "-d", "1")
        .redirectErrorStream(true).redirectOutput(dir.resolve("samba.out").toFile()).start();
    awaitAnswer();
    if (!fixture.isBlank()) ldbadd(fixture);
  }

  /** Adds entries straight into the running DC's database: several times faster than LDAP adds. */
  public void ldbadd(String ldif) throws Exception {
    Path file = Files.createTempFile(dir, "fixture-", ".ldif");
    Files.writeString(file, ldif, StandardCharsets.UTF_8);
    run(List.of("ldbadd", "-H", dir.resolve("private/sam.ldb").toString(), file.toString()), 300);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (process != null) {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      if (dir != null) deleteTree(dir.getParent());
    } finally {
      if (lock != null) lock.release();
      if (lockChannel != null) lockChannel.close();
    }
  }

  private void awaitAnswer() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (true) {
      if (!process.isAlive()) throw new AssertionError("samba exited: " + Files.readString(dir.resolve("samba.out")));
      try (LDAPConnection c = connect()) {
        if (c.getRootDSE() != null) return;
      } catch (LDAPException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("samba did not answer within 120 s: " + Files.readString(dir.resolve("samba.out")));
        }
      }
      try {
        Thread.sleep(200); // polling a child process that starts asynchronously; bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private void run(List<String> command, int timeoutSeconds) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
