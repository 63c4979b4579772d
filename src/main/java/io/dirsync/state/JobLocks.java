package io.dirsync.state;

import java.net.InetAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run per job, across processes and machines: a lease row per job in {@code job_locks}. The
 * primary key makes taking it atomic on H2 and PostgreSQL alike. A row is stale — and is taken
 * over with a compare-and-set on its token — when its lease has passed, or when its holder ran on
 * this host and that process is gone (kill -9 is noticed at once, not after the lease).
 */
public final class JobLocks {
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration RENEW_EVERY = Duration.ofSeconds(20);
  private static final String UNIQUE_VIOLATION = "23505";
  /** PostgreSQL's lock_not_available, H2's lock timeout: the row is being written by its holder right now. */
  private static final java.util.Set<String> LOCK_BUSY = java.util.Set.of("55P03", "HYT00");
  /** How long taking the lock waits for a holder that is in the middle of renewing it (and may be frozen there). */
  private static final String LOCK_WAIT = "10s";

  private final Sql sql;
  private final Clock clock;
  private final Duration lease;
  private final Identity self;

  /** This process as a lock holder. */
  record Identity(String host, long pid, String processStart) {
    static Identity current() {
      ProcessHandle me = ProcessHandle.current();
      return new Identity(hostName(), me.pid(), me.info().startInstant().map(Instant::toString).orElse(""));
    }

    /** Whether the holder ran on this host in a process that no longer exists. */
    boolean seesDead(String host, long pid, String processStart) {
      if (!this.host.equals(host)) return false;
      Optional<ProcessHandle> other = ProcessHandle.of(pid);
      if (other.isEmpty() || !other.get().isAlive()) return true;
      String started = other.get().info().startInstant().map(Instant::toString).orElse("");
      return processStart != null && !processStart.isEmpty() && !started.isEmpty() && !started.equals(processStart);
    }
  }

  JobLocks(Sql sql, Clock clock, Duration lease, Identity self) {
    this.sql = sql;
    this.clock = clock;
    this.lease = lease;
    this.self = self;
  }

  /** Takes the job's lock, or tells who holds it. */
  public Result tryLock(String job) {
    String token = UUID.randomUUID().toString();
    Instant now = clock.instant();
    if (insert(job, token, now)) return new Result(Optional.of(new Held(job, token)), null, false);
    Optional<Row> row = read(job);
    if (row.isEmpty()) {
      // released between our insert and our read: one more try
      return insert(job, token, now) ? new Result(Optional.of(new Held(job, token)), null, false) : refused(job);
    }
    Row held = row.get();
    boolean stale = held.leaseUntil().isBefore(now) || self.seesDead(held.host(), held.pid(), held.processStart());
    if (stale && takeOver(job, held.token(), token, now)) return new Result(Optional.of(new Held(job, token)), null, true);
    return refused(job);
  }

  /**
   * On PostgreSQL, a statement that meets the holder's row in the middle of a renewal waits for that
   * transaction; a holder frozen there (SIGSTOP, a paused VM) would make this run wait for ever.
   * Bounded: after {@link #LOCK_WAIT} the lock counts as held.
   */
  private static void boundLockWait(java.sql.Connection c) throws SQLException {
    if (Dialect.ofProduct(c.getMetaData().getDatabaseProductName()) != Dialect.POSTGRESQL) return;
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
    }
  }

  private static boolean busy(StateStoreException e) {
    return e.getCause() instanceof SQLException s && LOCK_BUSY.contains(s.getSQLState());
  }

  /** Whether nobody holds the job's lock now (a held row whose holder is dead counts as free). */
  public boolean isFree(String job) {
    Optional<Row> row = read(job);
    return row.isEmpty() || row.get().leaseUntil().isBefore(clock.instant())
        || self.seesDead(row.get().host(), row.get().pid(), row.get().processStart());
  }

  private Result refused(String job) {
    Row row = read(job).orElse(null);
    JobLockHolder holder = row == null ? new JobLockHolder(job, "?", 0, clock.instant(), clock.instant())
        : new JobLockHolder(job, row.host(), row.pid(), row.acquiredAt(), row.leaseUntil());
    return new Result(Optional.empty(), holder, false);
  }

  /**
   * What {@link #tryLock} found: the lock, or who holds it.
   *
   * @param tookOverStale the previous holder's process had died (or its lease passed)
   */
  public record Result(Optional<JobLock> lock, JobLockHolder holder, boolean tookOverStale) {}

  private boolean insert(String job, String token, Instant now) {
    try {
      return sql.write("lock job " + job, c -> {
        boundLockWait(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_locks (job, token, host, pid, process_start,"
            + " acquired_at, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, job);
          ps.setString(2, token);
          ps.setString(3, Sql.clip(self.host(), 255));
          ps.setLong(4, self.pid());
          ps.setString(5, self.processStart());
          Sql.setInstant(ps, 6, now);
          Sql.setInstant(ps, 7, now.plus(lease));
          return ps.executeUpdate() == 1;
        }
      });
    } catch (StateStoreException e) {
      if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState()) || busy(e)) return false;
      throw e;
    }
  }

  private boolean takeOver(String job, String oldToken, String token, Instant now) {
    try {
      return compareAndSet(job, oldToken, token, now);
    } catch (StateStoreException e) {
      if (busy(e)) return false;
      throw e;
    }
  }

  private boolean compareAndSet(String job, String oldToken, String token, Instant now) {
    return sql.write("take over the lock of job " + job, c -> {
      boundLockWait(c);
      try (PreparedStatement ps = c.prepareStatement("UPDATE job_locks SET token = ?, host = ?, pid = ?, process_start = ?,"
          + " acquired_at = ?, lease_until = ? WHERE job = ? AND token = ?")) {
        ps.setString(1, token);
        ps.setString(2, Sql.clip(self.host(), 255));
        ps.setLong(3, self.pid());
        ps.setString(4, self.processStart());
        Sql.setInstant(ps, 5, now);
        Sql.setInstant(ps, 6, now.plus(lease));
        ps.setString(7, job);
        ps.setString(8, oldToken);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private boolean renew(String job, String token) {
    return sql.write("renew the lock of job " + job, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE job_locks SET lease_until = ? WHERE job = ? AND token = ?")) {
        Sql.setInstant(ps, 1, clock.instant().plus(lease));
        ps.setString(2, job);
        ps.setString(3, token);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private void release(String job, String token) {
    sql.write("unlock job " + job, c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM job_locks WHERE job = ? AND token = ?")) {
        ps.setString(1, job);
        ps.setString(2, token);
        return ps.executeUpdate();
      }
    });
  }

  private record Row(String token, String host, long pid, String processStart, Instant acquiredAt, Instant leaseUntil) {}

  private Optional<Row> read(String job) {
    return sql.read("read the lock of job " + job, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT token, host, pid, process_start, acquired_at, lease_until"
          + " FROM job_locks WHERE job = ?")) {
        ps.setString(1, job);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.empty();
          return Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
              Sql.getInstant(rs, "acquired_at"), Sql.getInstant(rs, "lease_until")));
        }
      }
    });
  }

  /** A lock this process holds; a daemon thread renews its lease until it is closed. */
  private final class Held implements JobLock {
    private final String job;
    private final String token;
    private final AtomicBoolean held = new AtomicBoolean(true);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dirsync-lock-renewer");
      t.setDaemon(true);
      return t;
    });

    Held(String job, String token) {
      this.job = job;
      this.token = token;
      long every = Math.max(1, Math.min(RENEW_EVERY.toMillis(), lease.toMillis() / 3));
      renewer.scheduleWithFixedDelay(this::renewOnce, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewOnce() {
      try {
        if (!renew(job, token)) held.set(false);
      } catch (RuntimeException e) {
        // the database is briefly away: the lease still runs; the next renewal tries again
      }
    }

    @Override
    public boolean held() {
      return held.get();
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) return;
      renewer.shutdownNow();
      try {
        if (held.get()) release(job, token);
      } catch (RuntimeException e) {
        // the lease expires by itself
      }
    }
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

}
