package io.dirsync.schedule;

import io.dirsync.config.StateConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where Quartz keeps its triggers. With an H2 (or no) state store: in memory, one process. With a
 * PostgreSQL state store: a clustered JDBC job store in the state database, so any number of
 * {@code dirsync schedule} containers share the jobs and each firing runs on exactly one of them.
 */
public final class QuartzSettings {
  static final String SCHEDULER_NAME = "dirsync";

  private final Database database;
  private final String instanceId;
  private final Map<String, String> overrides;

  private QuartzSettings(Database database, String instanceId, Map<String, String> overrides) {
    this.database = database;
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.overrides = Map.copyOf(overrides);
  }

  /** A RAM job store: triggers live as long as the process. */
  public static QuartzSettings inMemory() {
    return new QuartzSettings(null, "local", Map.of());
  }

  /**
   * A clustered JDBC job store on PostgreSQL; the QRTZ_ tables are created in {@code schema}
   * (null: the connection's default schema) when missing.
   *
   * @param instanceId unique per container; "AUTO" lets Quartz derive it from the host name and time
   */
  public static QuartzSettings clustered(String jdbcUrl, String user, String password, String schema, String instanceId) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a clustered scheduler needs a jdbc:postgresql: URL, not " + jdbcUrl.split("\\?")[0]);
    }
    return new QuartzSettings(new Database(jdbcUrl, user, password, schema), instanceId, Map.of());
  }

  /** Clustered on PostgreSQL when the state store is PostgreSQL, in memory otherwise. */
  public static QuartzSettings forState(StateConfig state, String instanceId) {
    if (state == null || state.url() == null || !state.url().startsWith("jdbc:postgresql:")) return inMemory();
    String password = state.password() == null ? null : state.password().value();
    return clustered(state.url(), state.user(), password, state.schema(), instanceId);
  }

  /** The same settings with one Quartz property overridden (e.g. {@code org.quartz.jobStore.misfireThreshold}). */
  public QuartzSettings with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(overrides);
    copy.put(key, value);
    return new QuartzSettings(database, instanceId, copy);
  }

  public boolean isClustered() {
    return database != null;
  }

  Database database() {
    return database;
  }

  /** The Quartz properties for one scheduler; {@code dataSourceName} must be unique in the JVM. */
  Properties toProperties(int threads, String dataSourceName) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", instanceId);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "false");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "dirsync-job");
    // A run missed by more than this (the process was down at 02:00) fires once when it comes back.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    if (database == null) {
      p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    } else {
      p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
      p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
      p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
      p.setProperty("org.quartz.jobStore.isClustered", "true");
      p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
      p.setProperty("org.quartz.jobStore.useProperties", "true");
      p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
      String ds = "org.quartz.dataSource." + dataSourceName + ".";
      p.setProperty(ds + "connectionProvider.class", HikariConnectionProvider.class.getName());
      p.setProperty(ds + "jdbcUrl", database.url());
      if (database.user() != null) p.setProperty(ds + "user", database.user());
      if (database.password() != null) p.setProperty(ds + "password", database.password());
      if (database.schema() != null) p.setProperty(ds + "schema", database.schema());
      p.setProperty(ds + "maxConnections", Integer.toString(threads + 3));
      p.setProperty(ds + "poolName", dataSourceName);
    }
    overrides.forEach(p::setProperty);
    return p;
  }

  @Override
  public String toString() {
    return database == null ? "in-memory job store" : "clustered job store on " + database + " as " + instanceId;
  }

  /** The PostgreSQL database holding the QRTZ_ tables. */
  record Database(String url, String user, String password, String schema) {
    @Override
    public String toString() {
      return url.split("\\?")[0] + (schema == null ? "" : " schema " + schema);
    }
  }
}
