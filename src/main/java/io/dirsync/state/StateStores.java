package io.dirsync.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Opens the state store: checks the database answers, migrates the schema with Flyway, and hands
 * back a {@link JdbcStateStore} over a small HikariCP pool.
 *
 * <p>Supported URLs: {@code jdbc:h2:file:…} (also {@code jdbc:h2:mem:…} for tests) and {@code
 * jdbc:postgresql://…}. A password may be given as a parameter or inside the URL ({@code
 * ;PASSWORD=} for H2, {@code password=} for PostgreSQL); either way it is removed from the URL
 * before anything sees it, and no exception message ever contains it.
 */
public final class StateStores {
  /** Flyway's own bookkeeping table; named so that another Flyway in the same schema does not clash. */
  static final String HISTORY_TABLE = "dirsync_schema_history";
  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final int POOL_SIZE = 4;
  private static final long CONNECTION_TIMEOUT_MS = 10_000;

  private StateStores() {}

  /**
   * Opens (and creates or migrates) the store.
   *
   * @param jdbcUrl {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
   * @param user database user, or null (H2: empty user; PostgreSQL: from the URL)
   * @param password database password, or null (then taken from the URL, if there)
   * @param schema the schema to keep the tables in, created when missing; null for the
   *     connection's default ({@code PUBLIC} on H2, {@code public} on PostgreSQL)
   * @throws StateStoreException when the URL is not supported, the database cannot be reached or
   *     the migration fails; the message names the URL without its password
   */
  public static JdbcStateStore open(String jdbcUrl, String user, String password, String schema) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) throw new StateStoreException("state store URL is required");
    Dialect dialect = Dialect.ofUrl(jdbcUrl.trim());
    if (dialect == null) {
      throw new StateStoreException("unsupported state store URL " + Secrets.redactUrl(jdbcUrl)
          + ": expected jdbc:h2:file:… or jdbc:postgresql://…");
    }
    if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
      throw new StateStoreException("state store schema \"" + schema + "\" is not a plain SQL name ("
          + SCHEMA_NAME.pattern() + ")");
    }
    JdbcUrls.Split split = JdbcUrls.withoutPassword(jdbcUrl.trim(), dialect);
    String url = dialect == Dialect.H2 ? JdbcUrls.withH2Defaults(split.url()) : split.url();
    String secret = password != null ? password : split.password();
    return new Opening(url, user, secret, schema).open(dialect);
  }

  /** One attempt to open a store; holds what the error messages need. */
  private record Opening(String url, String user, String password, String schema) {
    JdbcStateStore open(Dialect expected) {
      Dialect dialect = probeAndCreateSchema(expected);
      HikariDataSource pool = null;
      try {
        pool = new HikariDataSource(poolConfig(dialect));
        migrate(pool);
        return new JdbcStateStore(pool, dialect, url, pool);
      } catch (RuntimeException e) {
        if (pool != null) pool.close();
        throw failure("cannot open", e);
      }
    }

    /** Connects once without the pool: a clear, fast error, and the schema exists before the pool sets it. */
    private Dialect probeAndCreateSchema(Dialect expected) {
      try (Connection c = DriverManager.getConnection(url, driverProperties(expected))) {
        Dialect actual = Dialect.ofProduct(c.getMetaData().getDatabaseProductName());
        if (actual == null) throw new SQLException("not H2 or PostgreSQL: " + c.getMetaData().getDatabaseProductName());
        if (schema != null) createSchema(c);
        return actual;
      } catch (SQLException e) {
        throw failure("cannot connect to", e);
      }
    }

    /** Two schedulers starting together may both create it; PostgreSQL then fails one of them, once. */
    private void createSchema(Connection c) throws SQLException {
      String ddl = "CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"";
      try (Statement s = c.createStatement()) {
        s.execute(ddl);
      } catch (SQLException raced) {
        try (Statement s = c.createStatement()) {
          s.execute(ddl);
        }
      }
    }

    private Properties driverProperties(Dialect dialect) {
      Properties p = new Properties();
      if (user != null) p.setProperty("user", user);
      if (password != null) p.setProperty("password", password);
      if (dialect == Dialect.POSTGRESQL) {
        p.setProperty("connectTimeout", "10");
        p.setProperty("reWriteBatchedInserts", "true");
      }
      return p;
    }

    private HikariConfig poolConfig(Dialect dialect) {
      HikariConfig config = new HikariConfig();
      config.setPoolName("dirsync-state");
      config.setJdbcUrl(url);
      if (user != null) config.setUsername(user);
      if (password != null) config.setPassword(password);
      if (schema != null) config.setSchema(schema);
      config.setMaximumPoolSize(POOL_SIZE);
      config.setMinimumIdle(1);
      config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
      config.setAutoCommit(true);
      driverProperties(dialect).forEach((k, v) -> {
        if (!k.equals("user") && !k.equals("password")) config.addDataSourceProperty((String) k, v);
      });
      return config;
    }

    private void migrate(HikariDataSource pool) {
      var flyway = Flyway.configure(StateStores.class.getClassLoader())
          .dataSource(pool)
          .locations("classpath:db/migration")
          .table(HISTORY_TABLE)
          // Quartz's QRTZ_ tables may be there first: baseline below V1 so V1 still runs.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .cleanDisabled(true);
      if (schema != null) flyway.schemas(schema).defaultSchema(schema);
      flyway.load().migrate();
    }

    private StateStoreException failure(String what, Exception e) {
      String message = e.getMessage();
      if (e instanceof SQLException sql && sql.getNextException() != null) {
        message += " (" + sql.getNextException().getMessage() + ")";
      }
      boolean inUse = e instanceof SQLException sql && sql.getErrorCode() == StateStoreException.H2_DATABASE_ALREADY_OPEN;
      return new StateStoreException(what + " state store " + Secrets.redactUrl(url)
          + (user == null ? "" : " as " + user) + ": " + Secrets.redact(message, password),
          Secrets.scrub(e, password), inUse);
    }
  }
}
