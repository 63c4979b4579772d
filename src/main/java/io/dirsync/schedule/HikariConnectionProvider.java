package io.dirsync.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections, pooled by HikariCP. Quartz builds it from the
 * {@code org.quartz.dataSource.NAME.*} properties (hence public, with a no-argument constructor and
 * setters) that {@link QuartzSettings} writes; nothing else should use it.
 */
public final class HikariConnectionProvider implements ConnectionProvider {
  private String jdbcUrl;
  private String user;
  private String password;
  private String schema;
  private String poolName = "dirsync-quartz";
  private int maxConnections = 5;
  private HikariDataSource dataSource;

  public void setJdbcUrl(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public void setPoolName(String poolName) {
    this.poolName = poolName;
  }

  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  @Override
  public void initialize() throws SQLException {
    if (jdbcUrl == null) throw new SQLException("jdbcUrl is required");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) config.setUsername(user);
    if (password != null) config.setPassword(password);
    if (schema != null) config.setSchema(schema);
    config.setPoolName(poolName);
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    // Fail at once when the database is down at start instead of waiting in the first query.
    config.setInitializationFailTimeout(10_000);
    dataSource = new HikariDataSource(config);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (dataSource == null) throw new SQLException("connection provider not initialized");
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    if (dataSource != null) dataSource.close();
  }
}
