package io.dirsync.cli;

import io.dirsync.model.RunSummary;
import io.dirsync.state.JdbcStateStore;
import io.dirsync.state.StateStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A small job of the test's own, written into a temp directory: an embedded LDAP source from a
 * generated LDIF, a plain mapping, a target (an in-process sandbox, or one the test runs), and a
 * state store on H2 (file) or PostgreSQL (its own schema). Runs dirsync in-process or as a real
 * child JVM.
 */
final class UnattendedFixture {
  static final String PG_URL = System.getProperty("dirsync.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  enum Store { H2, POSTGRESQL }

  final Path dir;
  final Store store;
  final String schema = "unattended_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  UnattendedFixture(Path dir, Store store) {
    this.dir = dir;
    this.store = store;
  }

  String stateUrl() {
    return store == Store.H2 ? "jdbc:h2:file:" + dir.resolve("data/state") : PG_URL;
  }

  /** Writes people.ldif with {@code users} people, mapping.yaml and dirsync.yaml; returns the config. */
  Path write(int users, String target, String extraJob) {
    StringBuilder ldif = new StringBuilder("""
        dn: dc=corp,dc=example
        objectClass: top
        objectClass: domain
        dc: corp

        dn: ou=People,dc=corp,dc=example
        objectClass: top
        objectClass: organizationalUnit
        ou: People

        """);
    for (int i = 1; i <= users; i++) {
      ldif.append(person(String.format("u%04d", i), "User " + i)).append('\n');
    }
    writeFile("people.ldif", ldif.toString());
    writeFile("mapping.yaml", """
        version: 1
        users:
          externalId: employeeNumber
          fields:
            username: uid
            email: {from: mail, transforms: [trim, lower]}
            name: cn
            nickname: displayName
        """);
    String state = store == Store.H2 ? "  url: jdbc:h2:file:${env:DIRSYNC_DATA}/state\n"
        : "  url: " + PG_URL + "\n  schema: " + schema + "\n";
    return writeFile("dirsync.yaml", "state:\n" + state + """
        reports: ${env:DIRSYNC_DATA}/reports
        jobs:
          - name: j
            source:
              type: ldap
              embedded: {ldif: [people.ldif]}
              users: {baseDn: "ou=People,dc=corp,dc=example", filter: "(objectClass=inetOrgPerson)"}
            mapping: mapping.yaml
        """ + "    target: " + target + "\n" + extraJob + """
            removal: {action: block, maxDeletes: 2, maxDeletePercent: 100}
            apply: {concurrency: 2, requestsPerSecond: 0, maxAttempts: 2}
        """);
  }

  static String person(String uid, String cn) {
    return "dn: uid=" + uid + ",ou=People,dc=corp,dc=example\n"
        + "objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: inetOrgPerson\n"
        + "uid: " + uid + "\ncn: " + cn + "\nsn: " + uid + "\ndisplayName: " + cn + "\n"
        + "employeeNumber: E" + uid + "\nmail: " + uid + "@corp.example\n";
  }

  String sandboxTarget() {
    return "{type: sandbox, data: " + dir.resolve("data/sandbox") + ", userPoolId: demo-pool, secret: demo-secret}";
  }

  static String authingTarget(java.net.URI host) {
    return "{type: authing, host: \"" + host + "\", userPoolId: demo-pool, secret: demo-secret, timeout: 30s}";
  }

  Path writeFile(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, String> env() {
    return Map.of("DIRSYNC_DATA", dir.resolve("data").toString());
  }

  /** dirsync in a JVM of its own; output goes to files next to the config. */
  Child start(String name, String... args) {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().putAll(env());
    pb.environment().put("DIRSYNC_LOG_FORMAT", "text");
    try {
      return new Child(pb.start(), dir.resolve(name + ".out"), dir.resolve(name + ".err"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Child(Process process, Path out, Path err) implements AutoCloseable {
    void signal(String signal) {
      try {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        kill.waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    int waitFor(int seconds) throws InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("dirsync did not end within " + seconds + " s; stderr:\n" + text(err));
      }
      return process.exitValue();
    }

    String stdout() {
      return text(out);
    }

    String stderr() {
      return text(err);
    }

    @Override
    public void close() {
      if (process.isAlive()) process.destroyForcibly();
    }
  }

  static String text(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How long a test waits for a child JVM to reach a point or to end: generous, a loaded CI machine starts JVMs slowly. */
  static final int PATIENCE_SECONDS = 300;

  /**
   * Waits until {@code condition} holds: the child's progress is what we wait on, not a time. The
   * bound (a deadline, not a count of polls) only keeps a broken run from hanging the build.
   */
  static void await(String what, BooleanSupplier condition, Child child) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      if (condition.getAsBoolean()) return;
      if (child != null && !child.process().isAlive()) {
        throw new AssertionError("dirsync ended before " + what + ": exit " + child.process().exitValue() + "\n" + child.stderr());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + what + " within " + PATIENCE_SECONDS + " s" + (child == null ? "" : "; stderr:\n" + child.stderr()));
  }

  JdbcStateStore openState() {
    return StateStores.open(stateUrl(), null, null, store == Store.H2 ? null : schema);
  }

  List<RunSummary> runs() {
    try (JdbcStateStore state = openState()) {
      return state.recentRuns(50);
    }
  }

  void dropSchema() throws SQLException {
    if (store != Store.POSTGRESQL) return;
    try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
  }
}
