package io.dirsync.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates Quartz's QRTZ_ tables from the script bundled in the Quartz jar when they are missing.
 * Containers starting together take a PostgreSQL advisory lock, so only one of them creates them.
 */
final class QuartzTables {
  private static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final long LOCK_KEY = 0x64697273796e63L; // "dirsync"

  private QuartzTables() {}

  /** Creates the schema and the tables if missing; returns whether it created the tables. */
  static boolean ensure(QuartzSettings.Database db) throws SQLException {
    if (db.schema() != null && !IDENTIFIER.matcher(db.schema()).matches()) {
      throw new SQLException("state.schema \"" + db.schema() + "\" is not a plain SQL identifier");
    }
    Properties props = new Properties();
    if (db.user() != null) props.setProperty("user", db.user());
    if (db.password() != null) props.setProperty("password", db.password());
    try (Connection c = DriverManager.getConnection(db.url(), props)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        if (db.schema() != null) {
          s.execute("CREATE SCHEMA IF NOT EXISTS \"" + db.schema() + "\"");
          c.setSchema(db.schema());
        }
        boolean exists;
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables"
            + " WHERE table_schema = current_schema() AND table_name = 'qrtz_locks'")) {
          rs.next();
          exists = rs.getInt(1) > 0;
        }
        if (!exists) {
          for (String statement : statements()) s.execute(statement);
        }
        c.commit();
        return !exists;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The CREATE statements of the bundled script (its DROPs and final COMMIT left out). */
  static List<String> statements() {
    String script;
    try (InputStream in = QuartzTables.class.getResourceAsStream(SCRIPT)) {
      if (in == null) throw new IllegalStateException(SCRIPT + " is missing from the Quartz jar");
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + SCRIPT, e);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.trim().startsWith("--")) sql.append(line).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().split(";")) {
      String s = statement.trim();
      String upper = s.toUpperCase(java.util.Locale.ROOT);
      if (s.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) continue;
      out.add(s);
    }
    return out;
  }
}
