package io.dirsync.state;

import static io.dirsync.state.StateStoreContract.assertNoSecret;
import static io.dirsync.state.StateStoreContract.catchThrowable;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.ExternalId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: URLs, passwords, schemas, and a database Quartz got to first. */
class StateStoresTest {
  static final String SECRET = "hunter2-Very-Secret";

  @TempDir Path dir;

  @Test
  void anUnsupportedUrlIsRefusedWithoutQuotingItsPassword() {
    Throwable thrown = catchThrowable(() ->
        StateStores.open("jdbc:mysql://db:3306/dirsync?user=sync&password=" + SECRET, null, null, null));
    assertNoSecret(thrown, SECRET);
    assertThat(thrown).hasMessageContaining("unsupported state store URL jdbc:mysql://db:3306/dirsync?user=sync&password=***");
  }

  @Test
  void aWrongH2PasswordIsReportedWithoutEitherPassword() {
    String url = "jdbc:h2:file:" + dir.resolve("locked");
    StateStores.open(url, "sa", "the-right-one", null).close();

    Throwable thrown = catchThrowable(() -> StateStores.open(url + ";PASSWORD=" + SECRET, "sa", null, null));
    assertNoSecret(thrown, SECRET);
    assertNoSecret(thrown, "the-right-one");
    assertThat(thrown).hasMessageContaining("cannot connect to state store " + url).hasMessageContaining(" as sa");
  }

  @Test
  void aPasswordInsideTheUrlIsUsedButNeverKeptInIt() {
    String url = "jdbc:h2:file:" + dir.resolve("pw");
    StateStores.open(url + ";PASSWORD=" + SECRET, "sa", null, null).close();
    // The same password given as a parameter opens it: the URL's password was used, not ignored.
    try (JdbcStateStore store = StateStores.open(url, "sa", SECRET, null)) {
      assertThat(store.managedUsers("hr")).isEmpty();
    }
  }

  @Test
  void aSchemaNameThatIsNotAPlainNameIsRefused() {
    Throwable thrown = catchThrowable(() -> StateStores.open("jdbc:h2:mem:x", null, null, "a\"; DROP TABLE runs; --"));
    assertThat(thrown).hasMessageContaining("is not a plain SQL name");
  }

  @Test
  void theTablesGoIntoTheGivenSchemaWhichIsCreatedWhenMissing() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("schemas");
    try (JdbcStateStore store = StateStores.open(url, "sa", null, "dirsync_state")) {
      store.saveWatermark("hr", "usn", "1");
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM \"dirsync_state\".watermarks")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void quartzTablesCreatedFirstDoNotStopTheMigration() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("quartz-first");
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL, LOCK_NAME VARCHAR(40) NOT NULL,"
          + " PRIMARY KEY (SCHED_NAME, LOCK_NAME))");
      s.execute("INSERT INTO QRTZ_LOCKS VALUES ('dirsync', 'TRIGGER_ACCESS')");
    }
    try (JdbcStateStore store = StateStores.open(url, "sa", null, null)) {
      store.saveManaged("hr", List.of(StateStoreContract.user("bob", "d", "h", false)));
      assertThat(store.managedUsers("hr")).containsOnlyKeys(ExternalId.of("bob"));
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM QRTZ_LOCKS")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void anInMemoryH2DatabaseOutlivesThePoolsConnections() {
    String url = "jdbc:h2:mem:state-" + System.nanoTime();
    try (JdbcStateStore store = StateStores.open(url, null, null, null)) {
      store.saveWatermark("hr", "usn", "5");
    }
    try (JdbcStateStore store = StateStores.open(url, null, null, null)) {
      assertThat(store.watermark("hr", "usn")).contains("5");
    }
  }

  @Test
  void passwordsAreTakenOutOfUrlsOfBothKinds() {
    assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?password=x&user=u&ssl=true", Dialect.POSTGRESQL))
        .isEqualTo(new JdbcUrls.Split("jdbc:postgresql://h/db?user=u&ssl=true", "x"));
    assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?user=u&Password=a=b", Dialect.POSTGRESQL))
        .isEqualTo(new JdbcUrls.Split("jdbc:postgresql://h/db?user=u", "a=b"));
    assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db", Dialect.POSTGRESQL))
        .isEqualTo(new JdbcUrls.Split("jdbc:postgresql://h/db", null));
    assertThat(JdbcUrls.withoutPassword("jdbc:h2:file:./data/state;password=p;AUTO_SERVER=FALSE", Dialect.H2))
        .isEqualTo(new JdbcUrls.Split("jdbc:h2:file:./data/state;AUTO_SERVER=FALSE", "p"));
  }

  @Test
  void passwordsAreMaskedInAnyUrlAMessageQuotes() {
    assertThat(Secrets.redactUrl("see jdbc:postgresql://h/db?user=u&password=abc&x=1 and ;PASSWORD=def;A=1"))
        .isEqualTo("see jdbc:postgresql://h/db?user=u&password=***&x=1 and ;PASSWORD=***;A=1");
    assertThat(Secrets.redactUrl("jdbc:postgresql://bob:pw@h/db")).isEqualTo("jdbc:postgresql://bob:***@h/db");
  }

  @Test
  void h2GetsItsSafeDefaultsOnlyWhereTheUrlIsSilent() {
    assertThat(JdbcUrls.withH2Defaults("jdbc:h2:file:./data/state")).isEqualTo("jdbc:h2:file:./data/state;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(JdbcUrls.withH2Defaults("jdbc:h2:file:./s;write_delay=100")).isEqualTo("jdbc:h2:file:./s;write_delay=100;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(JdbcUrls.withH2Defaults("jdbc:h2:mem:t")).isEqualTo("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
  }
}
