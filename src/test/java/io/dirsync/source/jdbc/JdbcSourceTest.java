package io.dirsync.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.JdbcSourceConfig;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.SourceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database source against PostgreSQL (TESTING.md's server, a schema of its own) and an in-memory H2. */
class JdbcSourceTest {
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String SCHEMA = "jdbc_src_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  private static final String H2 = "jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1";

  @BeforeAll
  static void createTheHrView() throws SQLException {
    for (String url : List.of(PG, H2)) {
      sql(url, "CREATE SCHEMA " + SCHEMA,
          "CREATE TABLE " + SCHEMA + ".employees (employee_id VARCHAR(20) PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),"
              + " end_date DATE, status VARCHAR(20), roles VARCHAR(100))",
          "CREATE SEQUENCE " + SCHEMA + ".ticket",
          "CREATE VIEW " + SCHEMA + ".people AS SELECT employee_id, first_name, last_name, end_date, status, roles FROM "
              + SCHEMA + ".employees WHERE status <> 'withdrawn'");
      List<String> rows = new ArrayList<>();
      for (int i = 1; i <= 1200; i++) {
        rows.add(String.format("INSERT INTO %s.employees VALUES ('E%04d', 'First%d', 'Last%d', %s, '%s', %s)", SCHEMA, i, i, i,
            i == 3 ? "DATE '2026-12-31'" : "NULL", i == 5 ? "withdrawn" : "active", i == 1 ? "'admin; staff'" : "NULL"));
      }
      sql(url, rows.toArray(String[]::new));
    }
  }

  @AfterAll
  static void dropIt() throws SQLException {
    sql(PG, "DROP SCHEMA " + SCHEMA + " CASCADE");
    sql(H2, "DROP SCHEMA " + SCHEMA + " CASCADE");
  }

  private static void sql(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      for (String statement : statements) s.execute(statement);
    }
  }

  private static JdbcSourceConfig config(String url, String query, String dnColumn) {
    return new JdbcSourceConfig(url, "postgres", null, query, dnColumn, 100, ";");
  }

  private static List<SourceEntry> read(JdbcSourceConfig config) {
    List<SourceEntry> out = new ArrayList<>();
    try (JdbcSource source = new JdbcSource(config)) {
      source.read(EntryKind.GROUP, out::add);
      source.read(EntryKind.USER, out::add);
    }
    return out;
  }

  @Test
  void aPostgresViewIsStreamedRowByRowAsUsers() {
    List<SourceEntry> users = read(config(PG, "SELECT * FROM " + SCHEMA + ".people ORDER BY employee_id", "employee_id"));

    assertThat(users).hasSize(1199).allSatisfy(u -> assertThat(u.kind()).isEqualTo(EntryKind.USER));
    SourceEntry first = users.get(0);
    assertThat(first.dn()).isEqualTo("E0001");
    assertThat(first.values("first_name")).containsExactly("First1");
    assertThat(first.values("roles")).as("split at the separator").containsExactly("admin", "staff");
    assertThat(first.attributes()).as("NULL cells are left out").doesNotContainKey("end_date");
    assertThat(users.get(2).first("end_date")).isEqualTo("2026-12-31");
    assertThat(users).extracting(SourceEntry::dn).doesNotContain("E0005");
  }

  @Test
  void anH2TableReadsTheSameWayWithRowNumbersForDns() {
    List<SourceEntry> users = read(config(H2, "SELECT employee_id, first_name FROM " + SCHEMA + ".people ORDER BY employee_id", null));

    assertThat(users).hasSize(1199);
    assertThat(users.get(0).dn()).isEqualTo("row:1");
    assertThat(users.get(0).first("EMPLOYEE_ID")).isEqualTo("E0001");
  }

  @Test
  void theQueryRunsInAReadOnlyTransaction() {
    JdbcSourceConfig writes = config(PG, "SELECT nextval('" + SCHEMA + ".ticket')", null);

    assertThatThrownBy(() -> read(writes)).isInstanceOf(SourceException.class)
        .hasMessageContaining("read-only transaction")
        .satisfies(e -> assertThat(((SourceException) e).kind()).isEqualTo(SourceException.Kind.CONFIGURATION));
  }

  @Test
  void aBadQueryOrAnUnreachableServerIsAClearSourceError() {
    assertThatThrownBy(() -> read(config(PG, "SELECT * FROM " + SCHEMA + ".nope", null)))
        .isInstanceOf(SourceException.class).hasMessageContaining("jdbc source jdbc:postgresql://127.0.0.1:5432/test")
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> read(new JdbcSourceConfig("jdbc:postgresql://127.0.0.1:1/test?password=hunter2", "postgres", null,
        "SELECT 1", null, 10, null)))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
        .message().doesNotContain("hunter2");
  }

  @Test
  void aDnColumnThatRepeatsAValueIsRefusedNamingTheRows() {
    assertThatThrownBy(() -> read(config(PG, "SELECT status FROM " + SCHEMA + ".people", "status")))
        .isInstanceOf(SourceException.class).hasMessageContaining("row 2: dn \"active\" is already used by row 1");
  }
}
