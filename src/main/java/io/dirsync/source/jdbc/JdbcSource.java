package io.dirsync.source.jdbc;

import io.dirsync.config.JdbcSourceConfig;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.Source;
import io.dirsync.source.SourceCheck;
import io.dirsync.source.SourceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Users from a database view or table (PostgreSQL or H2): one {@link EntryKind#USER} entry per row
 * of the configured query. The query runs in a read-only transaction that is rolled back at the end,
 * and the driver streams the rows {@code fetchSize} at a time (PostgreSQL uses a server-side cursor
 * for this, which needs auto-commit off), so memory stays flat. A new connection per {@link #read};
 * nothing is kept open between runs. Not thread-safe.
 */
public final class JdbcSource implements Source {
  private final JdbcSourceConfig config;

  public JdbcSource(JdbcSourceConfig config) {
    this.config = config;
  }

  @Override
  public void read(EntryKind kind, Consumer<SourceEntry> sink) {
    if (kind == EntryKind.USER) readUsers(sink);
  }

  @Override
  public SourceCheck check() {
    List<String> steps = new ArrayList<>();
    int[] rows = {0};
    try {
      readUsers(e -> rows[0]++);
      steps.add("connected to " + JdbcUrls.withoutSecrets(config.url()) + " (read-only)");
      steps.add(rows[0] + " users from the query");
      return new SourceCheck(true, steps);
    } catch (SourceException e) {
      steps.add(e.getMessage());
      return new SourceCheck(false, steps);
    }
  }

  @Override
  public void close() {}

  private void readUsers(Consumer<SourceEntry> sink) {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try (PreparedStatement statement = connection.prepareStatement(config.query(), ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(config.fetchSize());
        try (ResultSet rows = statement.executeQuery()) {
          stream(rows, sink);
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw classify(e);
    }
  }

  private void stream(ResultSet rows, Consumer<SourceEntry> sink) throws SQLException {
    RowReader reader = new RowReader(rows.getMetaData(), config.separator());
    int dnIndex = reader.dnIndex(config.dnColumn(), where());
    Map<String, Integer> seen = new HashMap<>();
    int row = 0;
    while (rows.next()) {
      row++;
      String dn = dnIndex < 0 ? "row:" + row : rows.getString(dnIndex);
      if (dn == null || dn.isBlank()) {
        throw new SourceException(SourceException.Kind.CONFIGURATION, where() + " row " + row + ": the dn column \""
            + config.dnColumn() + "\" is empty", null);
      }
      dn = dn.trim();
      Integer earlier = seen.putIfAbsent(dn, row);
      if (earlier != null) {
        throw new SourceException(SourceException.Kind.CONFIGURATION, where() + " row " + row + ": dn \"" + dn
            + "\" is already used by row " + earlier, null);
      }
      sink.accept(reader.entry(rows, dn));
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (config.user() != null) properties.setProperty("user", config.user());
    if (config.password() != null) properties.setProperty("password", config.password().value());
    return DriverManager.getConnection(config.url(), properties);
  }

  private String where() {
    return "jdbc source " + JdbcUrls.withoutSecrets(config.url());
  }

  /** Connection problems are "unreachable", a refused login "authentication", a bad query "configuration". */
  private SourceException classify(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = where() + ": " + JdbcUrls.withoutSecrets(String.valueOf(e.getMessage()));
    if (state.startsWith("08")) return new SourceException(SourceException.Kind.UNREACHABLE, message, e);
    if (state.startsWith("28")) return new SourceException(SourceException.Kind.AUTHENTICATION, message, e);
    return new SourceException(SourceException.Kind.CONFIGURATION, message, e);
  }
}
