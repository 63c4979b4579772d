package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import io.dirsync.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HR as a PostgreSQL view (a schema of its own on TESTING.md's server) joined with the example's AD accounts. */
class JoinedPostgresViewTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final Path EXAMPLE = Path.of("config/examples/hr-ad").toAbsolutePath();
  private final String schema = "join_hr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  private final TestClock clock = TestClock.at("2026-12-31T10:00:00Z");

  @TempDir Path dir;

  @BeforeEach
  void createTheHrView() throws Exception {
    sql("CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".employees (employee_id TEXT PRIMARY KEY, first_name TEXT, last_name TEXT, department TEXT,"
            + " title TEXT, manager_id TEXT, start_date DATE, end_date DATE, status TEXT, phone TEXT)",
        "CREATE VIEW " + schema + ".people AS SELECT * FROM " + schema + ".employees");
    List<String> lines = Files.readAllLines(EXAMPLE.resolve("hr.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        values.append(i == 0 ? "" : ", ").append(cells[i].isEmpty() ? "NULL" : "'" + cells[i] + "'");
      }
      sql("INSERT INTO " + schema + ".employees VALUES (" + values + ")");
    }
  }

  @AfterEach
  void dropIt() throws SQLException {
    sql("DROP SCHEMA " + schema + " CASCADE");
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
      for (String statement : statements) s.execute(statement);
    }
  }

  @Test
  void aDatabaseViewJoinsWithAdLikeTheCsvExport() throws IOException {
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, """
        # dirsync.yaml: HR from a database view
        state: {url: "jdbc:h2:file:%1$s/state"}
        reports: %1$s/reports
        jobs:
          - name: hr-db
            timeZone: Europe/London
            sources:
              - name: hr
                connection:
                  type: jdbc
                  url: %2$s
                  user: postgres
                  query: SELECT * FROM %3$s.people
                  dnColumn: employee_id
                  fetchSize: 2
                mapping: %4$s/hr.yaml
                joinKey: employee_id
              - name: ad
                connection:
                  type: ldap
                  embedded: {ldif: ["%4$s/ad.ldif"]}
                  users: {baseDn: "OU=Staff,DC=corp,DC=example", filter: "(objectClass=user)"}
                mapping: %4$s/ad.yaml
                joinKey: employeeID
            mapping: %4$s/join.yaml
            target: {type: sandbox, data: "%1$s/sandbox", orgCode: corp}
        """.formatted(dir, PG, schema, EXAMPLE));
    App app = new App(Map.of(), clock, new PrintStream(new ByteArrayOutputStream()));

    JsonNode plan = new ObjectMapper().readTree(app.planJson(app.plan(config, null)));
    RunReport first = app.sync(config, null, new SyncOptions(false, null, false));
    RunReport second = app.sync(config, null, new SyncOptions(false, null, false));

    assertThat(first.outcome()).as(first.message()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(first.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isEqualTo(5);
    assertThat(first.skipped()).extracting(SkippedEntry::reason).contains(
        "key \"E1004\" only in hr E1004, not in ad; synced from hr alone",
        "key \"E9001\" only in ad CN=Ken Thompson,OU=Staff,DC=corp,DC=example, not in hr; skipped: every user must be in hr");
    assertThat(second.changesApplied()).isZero();
    JsonNode grace = null;
    for (JsonNode op : plan.get("operations")) {
      if (op.at("/user/externalId").asText().equals("E1003")) grace = op.get("user");
    }
    assertThat(grace).isNotNull();
    assertThat(grace.at("/fields/blocked").asBoolean()).as("her end date (a DATE column) is today").isTrue();
    assertThat(grace.at("/fields/username").asText()).isEqualTo("grace");
    assertThat(grace.at("/customData/title").asText()).isEqualTo("Operations Lead");
  }
}
