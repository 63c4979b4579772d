package io.dirsync.state;

import io.dirsync.model.ExternalId;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link StateStore} over JDBC, on H2 or PostgreSQL; open one with {@link StateStores#open}. Every
 * write runs in its own transaction, committed before the method returns. Thread-safe: each call
 * borrows a connection from the pool. Instants are kept to the microsecond.
 */
public final class JdbcStateStore implements StateStore {
  static final int MAX_TEXT = 4000;

  private static final String RUN_COLUMNS =
      "run_id, job, dry_run, started_at, finished_at, outcome, changes, failures, api_calls, message";
  private static final String INSERT_RUN = "INSERT INTO runs (" + RUN_COLUMNS + ", report_json)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String FINISH_RUN = "UPDATE runs SET finished_at = ?, outcome = ?, changes = ?,"
      + " failures = ?, api_calls = ?, message = ?, report_json = ? WHERE run_id = ?";
  private static final String RECENT_RUNS = "SELECT " + RUN_COLUMNS
      + " FROM runs ORDER BY started_at DESC, run_no DESC FETCH FIRST ? ROWS ONLY";
  private static final String INSERT_JOURNAL = "INSERT INTO journal (run_id, kind, target, outcome, detail,"
      + " occurred_at) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String SELECT_JOURNAL = "SELECT run_id, kind, target, outcome, detail, occurred_at"
      + " FROM journal WHERE run_id = ? ORDER BY seq";
  private static final String SELECT_WATERMARK = "SELECT mark_value FROM watermarks WHERE job = ? AND name = ?";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Sql sql;
  private final ManagedUserTable managed;
  private final ManagedContainerTable containers;
  private final SourceUserTable sourceUsers;
  private final ReportJson json = new ReportJson();
  private final AutoCloseable closer;

  JdbcStateStore(DataSource dataSource, Dialect dialect, String safeUrl, AutoCloseable closer) {
    this.dataSource = Objects.requireNonNull(dataSource);
    this.dialect = Objects.requireNonNull(dialect);
    this.sql = new Sql(dataSource, safeUrl);
    this.managed = new ManagedUserTable(sql, dialect);
    this.containers = new ManagedContainerTable(sql);
    this.sourceUsers = new SourceUserTable(sql);
    this.closer = closer;
  }

  /** The pooled data source, for components that share the database (Quartz's JDBC job store). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether this store runs on H2 ({@code false}: PostgreSQL). */
  public boolean isH2() {
    return dialect == Dialect.H2;
  }

  @Override
  public String startRun(String job, boolean dryRun, Instant startedAt) {
    requireText(job, "job");
    Objects.requireNonNull(startedAt, "startedAt");
    String runId = UUID.randomUUID().toString();
    sql.write("start a run of job " + job, c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT_RUN)) {
        bindRun(ps, runId, job, dryRun, startedAt, null, null);
        return ps.executeUpdate();
      }
    });
    return runId;
  }

  @Override
  public void finishRun(RunReport report) {
    Objects.requireNonNull(report, "report");
    requireText(report.runId(), "report.runId");
    String reportJson = json.write(report);
    sql.write("finish run " + report.runId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(FINISH_RUN)) {
        Sql.setInstant(ps, 1, report.finishedAt());
        ps.setString(2, report.outcome() == null ? null : report.outcome().name());
        ps.setInt(3, report.changesApplied());
        ps.setInt(4, failures(report));
        ps.setLong(5, report.totalApiCalls());
        ps.setString(6, Sql.clip(report.message(), MAX_TEXT));
        ps.setString(7, reportJson);
        ps.setString(8, report.runId());
        if (ps.executeUpdate() == 1) return null;
      }
      // A run that was never started (it failed before startRun) is still recorded.
      requireText(report.job(), "report.job");
      Objects.requireNonNull(report.startedAt(), "report.startedAt");
      try (PreparedStatement ps = c.prepareStatement(INSERT_RUN)) {
        bindRun(ps, report.runId(), report.job(), report.dryRun(), report.startedAt(), report, reportJson);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<RunSummary> recentRuns(int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    return sql.read("list recent runs", c -> {
      try (PreparedStatement ps = c.prepareStatement(RECENT_RUNS)) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<RunSummary> runs = new ArrayList<>();
          while (rs.next()) runs.add(summary(rs));
          return List.copyOf(runs);
        }
      }
    });
  }

  /** The full report a finished run stored, or empty while it runs or when there is no such run. */
  @Override
  public Optional<RunReport> report(String runId) {
    String stored = sql.read("read the report of run " + runId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT report_json FROM runs WHERE run_id = ?")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    return Optional.ofNullable(stored).map(json::read);
  }

  /** The job locks of this store (one run per job across processes and machines). */
  public JobLocks jobLocks(java.time.Clock clock) {
    return new JobLocks(sql, clock, JobLocks.LEASE, JobLocks.Identity.current());
  }

  /**
   * Marks every unfinished run of {@code job} other than {@code exceptRunId} as ABANDONED: the
   * caller holds the job's lock, so their processes are gone. Returns the run ids marked.
   */
  public List<String> markAbandoned(String job, String exceptRunId, Instant now, String message) {
    requireText(job, "job");
    return sql.write("mark dead runs of job " + job + " abandoned", c -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM runs WHERE job = ? AND finished_at IS NULL")) {
        ps.setString(1, job);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) if (!rs.getString(1).equals(exceptRunId)) ids.add(rs.getString(1));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET finished_at = ?, outcome = ?, message = ?"
          + " WHERE run_id = ? AND finished_at IS NULL")) {
        for (String id : ids) {
          Sql.setInstant(ps, 1, now);
          ps.setString(2, RunOutcome.ABANDONED.name());
          ps.setString(3, Sql.clip(message, MAX_TEXT));
          ps.setString(4, id);
          ps.executeUpdate();
        }
      }
      return List.copyOf(ids);
    });
  }

  @Override
  public void journal(JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    requireText(entry.runId(), "entry.runId");
    Objects.requireNonNull(entry.kind(), "entry.kind");
    Objects.requireNonNull(entry.outcome(), "entry.outcome");
    Objects.requireNonNull(entry.at(), "entry.at");
    sql.write("journal " + entry.kind() + " " + entry.target() + " in run " + entry.runId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT_JOURNAL)) {
        ps.setString(1, entry.runId());
        ps.setString(2, entry.kind().name());
        ps.setString(3, Sql.clip(entry.target(), 1024));
        ps.setString(4, entry.outcome().name());
        ps.setString(5, Sql.clip(entry.detail(), MAX_TEXT));
        Sql.setInstant(ps, 6, entry.at());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void journal(List<JournalEntry> entries) {
    if (entries.isEmpty()) return;
    entries.forEach(JdbcStateStore::requireValid);
    sql.write("journal " + entries.size() + " operations of run " + entries.get(0).runId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT_JOURNAL)) {
        for (JournalEntry entry : entries) {
          bindJournal(ps, entry);
          ps.addBatch();
        }
        ps.executeBatch();
        return entries.size();
      }
    });
  }

  private static void requireValid(JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    requireText(entry.runId(), "entry.runId");
    Objects.requireNonNull(entry.kind(), "entry.kind");
    Objects.requireNonNull(entry.outcome(), "entry.outcome");
    Objects.requireNonNull(entry.at(), "entry.at");
  }

  private static void bindJournal(PreparedStatement ps, JournalEntry entry) throws SQLException {
    ps.setString(1, entry.runId());
    ps.setString(2, entry.kind().name());
    ps.setString(3, Sql.clip(entry.target(), 1024));
    ps.setString(4, entry.outcome().name());
    ps.setString(5, Sql.clip(entry.detail(), MAX_TEXT));
    Sql.setInstant(ps, 6, entry.at());
  }

  @Override
  public List<JournalEntry> journalOf(String runId) {
    return sql.read("read the journal of run " + runId, c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_JOURNAL)) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          List<JournalEntry> entries = new ArrayList<>();
          while (rs.next()) {
            entries.add(new JournalEntry(rs.getString(1), OperationKind.valueOf(rs.getString(2)), rs.getString(3),
                OperationOutcome.valueOf(rs.getString(4)), rs.getString(5), Sql.getInstant(rs, "occurred_at")));
          }
          return List.copyOf(entries);
        }
      }
    });
  }

  @Override
  public Map<ExternalId, ManagedUser> managedUsers(String job) {
    requireText(job, "job");
    return managed.load(job);
  }

  @Override
  public void saveManaged(String job, Collection<ManagedUser> users) {
    requireText(job, "job");
    managed.save(job, Objects.requireNonNull(users, "users"));
  }

  @Override
  public void forgetManaged(String job, Collection<ExternalId> ids) {
    requireText(job, "job");
    managed.forget(job, Objects.requireNonNull(ids, "ids"));
  }

  @Override
  public ManagedContainers managedContainers(String job) {
    requireText(job, "job");
    return containers.load(job);
  }

  @Override
  public void saveManagedContainers(String job, ManagedContainers managed) {
    requireText(job, "job");
    containers.replace(job, Objects.requireNonNull(managed, "managed"));
  }

  @Override
  public Map<String, io.dirsync.model.SourceUser> sourceUsers(String job) {
    requireText(job, "job");
    return sourceUsers.load(job);
  }

  @Override
  public void saveSourceUsers(String job, boolean replaceAll, Collection<io.dirsync.model.SourceUser> upserts,
      Collection<String> removedKeys) {
    requireText(job, "job");
    sourceUsers.save(job, replaceAll, Objects.requireNonNull(upserts, "upserts"), Objects.requireNonNull(removedKeys, "removedKeys"));
  }

  @Override
  public Optional<String> watermark(String job, String name) {
    requireText(job, "job");
    requireText(name, "name");
    return Optional.ofNullable(sql.read("read watermark " + name + " of job " + job, c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_WATERMARK)) {
        ps.setString(1, job);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    }));
  }

  @Override
  public void saveWatermark(String job, String name, String value) {
    requireText(job, "job");
    requireText(name, "name");
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException("watermark " + name + " of job " + job + " is longer than " + MAX_TEXT);
    }
    sql.write("save watermark " + name + " of job " + job, c -> {
      try (PreparedStatement ps = c.prepareStatement(dialect.upsertWatermark())) {
        ps.setString(1, job);
        ps.setString(2, name);
        ps.setString(3, value);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void close() {
    try {
      if (closer != null) closer.close();
    } catch (Exception e) {
      throw new StateStoreException("cannot close the state store: " + Secrets.redactUrl(e.getMessage()), e);
    }
  }

  private static void bindRun(PreparedStatement ps, String runId, String job, boolean dryRun, Instant startedAt,
      RunReport report, String reportJson) throws SQLException {
    ps.setString(1, runId);
    ps.setString(2, job);
    ps.setBoolean(3, dryRun);
    Sql.setInstant(ps, 4, startedAt);
    Sql.setInstant(ps, 5, report == null ? null : report.finishedAt());
    ps.setString(6, report == null || report.outcome() == null ? null : report.outcome().name());
    setInteger(ps, 7, report == null ? null : report.changesApplied());
    setInteger(ps, 8, report == null ? null : failures(report));
    if (report == null) ps.setNull(9, Types.BIGINT); else ps.setLong(9, report.totalApiCalls());
    ps.setString(10, report == null ? null : Sql.clip(report.message(), MAX_TEXT));
    ps.setString(11, reportJson);
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) ps.setNull(index, Types.INTEGER); else ps.setInt(index, value);
  }

  /** Failed operations as counted; at least the number of failures the report lists. */
  private static int failures(RunReport report) {
    int counted = report.counts().values().stream().mapToInt(m -> m.getOrDefault(OperationOutcome.FAILED, 0)).sum();
    return Math.max(counted, report.failures().size());
  }

  private static RunSummary summary(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    return new RunSummary(rs.getString("run_id"), rs.getString("job"), rs.getBoolean("dry_run"),
        Sql.getInstant(rs, "started_at"), Sql.getInstant(rs, "finished_at"),
        outcome == null ? null : RunOutcome.valueOf(outcome), rs.getInt("changes"), rs.getInt("failures"),
        rs.getLong("api_calls"), rs.getString("message"));
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
  }
}
