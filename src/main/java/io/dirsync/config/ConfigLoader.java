package io.dirsync.config;

import io.dirsync.model.ContainerRemoval;
import java.nio.file.Path;
import java.text.ParseException;
import org.quartz.CronExpression;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code dirsync.yaml} into a {@link DirsyncConfig}, reporting every problem at once with
 * file, line and column. Relative paths are resolved against the config file's directory.
 */
public final class ConfigLoader {
  private static final Set<String> ROOT_KEYS = Set.of("state", "reports", "http", "jobs", "notifications", "metrics");
  private static final Set<String> JOB_KEYS =
      Set.of("name", "schedule", "timeZone", "source", "mapping", "target", "removal", "apply", "sources");

  private final Map<String, String> env;
  private final boolean resolveSecrets;

  public ConfigLoader(Map<String, String> env) {
    this(env, true);
  }

  /** {@code resolveSecrets} false: {@code ${env:…}} / {@code ${file:…}} that cannot be resolved stay as written (validate --no-secrets). */
  public ConfigLoader(Map<String, String> env, boolean resolveSecrets) {
    this.env = Map.copyOf(env);
    this.resolveSecrets = resolveSecrets;
  }

  public DirsyncConfig load(Path file) {
    Problems problems = new Problems();
    YamlNode root = YamlFile.load(file, env, problems, resolveSecrets);
    Path base = file.toAbsolutePath().getParent();
    root.entries();
    root.allowKeys(ROOT_KEYS);
    StateConfig state = state(root.get("state"), base);
    Path reports = base.resolve(root.string("reports", "../data/reports")).normalize();
    HttpConfig http = http(root.get("http"));
    List<JobConfig> jobs = jobs(root.required("jobs"), base);
    NotificationConfig notifications = NotificationSection.read(root.get("notifications"));
    MetricsConfig metrics = NotificationSection.metrics(root.get("metrics"), base);
    problems.throwIfAny();
    return new DirsyncConfig(file, state, reports, http, jobs, notifications, metrics);
  }

  private static StateConfig state(YamlNode node, Path base) {
    String defaultUrl = "jdbc:h2:file:" + base.resolve("../data/state").normalize();
    if (node == null) return new StateConfig(defaultUrl, null, null, null);
    node.allowKeys(Set.of("url", "user", "password", "schema"));
    String url = node.string("url", defaultUrl);
    if (url != null && url.startsWith("jdbc:h2:file:") && !Path.of(url.substring(13).split(";")[0]).isAbsolute()) {
      url = "jdbc:h2:file:" + base.resolve(url.substring(13)).normalize();
    }
    if (url != null && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      node.get("url").problem("state.url must be a jdbc:h2: or jdbc:postgresql: URL");
    }
    return new StateConfig(url, node.string("user", null), node.secret("password"), node.string("schema", null));
  }

  private static HttpConfig http(YamlNode node) {
    if (node == null) return new HttpConfig("127.0.0.1", 9464);
    node.allowKeys(Set.of("address", "port"));
    int port = node.integer("port", 9464);
    if (port < 0 || port > 65535) node.get("port").problem("http.port must be between 0 and 65535");
    return new HttpConfig(node.string("address", "127.0.0.1"), port);
  }

  private List<JobConfig> jobs(YamlNode node, Path base) {
    List<JobConfig> jobs = new ArrayList<>();
    if (node == null) return jobs;
    if (!node.isList()) {
      node.problem("jobs must be a list of jobs");
      return jobs;
    }
    Set<String> names = new HashSet<>();
    for (YamlNode job : node.items()) {
      JobConfig config = job(job, base);
      if (config.name() != null && !names.add(config.name())) {
        job.get("name").problem("job name '" + config.name() + "' is used twice");
      }
      jobs.add(config);
    }
    if (jobs.isEmpty()) node.problem("jobs must name at least one job");
    return jobs;
  }

  private JobConfig job(YamlNode node, Path base) {
    node.entries();
    node.allowKeys(JOB_KEYS);
    String name = node.requiredString("name");
    String schedule = node.string("schedule", null);
    cron(node, schedule);
    ZoneId zone = zone(node);
    List<JoinSourceConfig> sources = JoinSourcesSection.read(node.get("sources"), base);
    if (node.get("sources") != null && node.get("source") != null) node.get("sources").problem("a job has either source or sources, not both");
    SourceConfig source = node.get("sources") != null ? (sources.isEmpty() ? null : sources.get(0).connection())
        : SourceSection.read(node.required("source"), base);
    String mapping = node.requiredString("mapping");
    TargetConfig target = TargetSection.read(node.required("target"), base);
    return new JobConfig(name, schedule, zone, source, mapping == null ? null : base.resolve(mapping).normalize(),
        target, removal(node.get("removal")), apply(node.get("apply")), sources);
  }

  /** A Quartz cron expression (seconds first), checked here so that `validate` fails, not `schedule` at start. */
  private static void cron(YamlNode job, String schedule) {
    if (schedule == null || schedule.isBlank()) return;
    try {
      new CronExpression(schedule);
    } catch (ParseException | RuntimeException e) {
      job.get("schedule").problem("schedule \"" + schedule + "\" is not a Quartz cron expression (" + e.getMessage()
          + "); it has 6 or 7 fields, seconds first: \"0 0 2 * * ?\" is every day at 02:00");
    }
  }

  private static ZoneId zone(YamlNode job) {
    String text = job.string("timeZone", "UTC");
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      job.get("timeZone").problem("timeZone '" + text + "' is not a time zone (e.g. UTC, Asia/Shanghai)");
      return ZoneId.of("UTC");
    }
  }

  private static RemovalConfig removal(YamlNode node) {
    if (node == null) return new RemovalConfig(RemovalAction.BLOCK, 100, 10.0);
    node.allowKeys(Set.of("action", "maxDeletes", "maxDeletePercent", "groups", "departments", "maxRetired"));
    int max = node.integer("maxDeletes", 100);
    double percent = node.decimal("maxDeletePercent", 10.0);
    if (max < 0) node.get("maxDeletes").problem("removal.maxDeletes must not be negative");
    if (percent < 0 || percent > 100) node.get("maxDeletePercent").problem("removal.maxDeletePercent must be between 0 and 100");
    int maxRetired = node.integer("maxRetired", RemovalConfig.DEFAULT_MAX_RETIRED);
    if (maxRetired < 0) node.get("maxRetired").problem("removal.maxRetired must not be negative");
    return new RemovalConfig(node.enumValue("action", RemovalAction.class, RemovalAction.BLOCK), max, percent,
        node.enumValue("groups", ContainerRemoval.class, ContainerRemoval.KEEP),
        node.enumValue("departments", ContainerRemoval.class, ContainerRemoval.DELETE), maxRetired);
  }

  private static ApplyConfig apply(YamlNode node) {
    ApplyConfig defaults = new ApplyConfig(4, 20, 6, Duration.ofMillis(500), Duration.ofSeconds(30));
    if (node == null) return defaults;
    node.allowKeys(Set.of("concurrency", "requestsPerSecond", "maxAttempts", "initialBackoff", "maxBackoff"));
    int concurrency = node.integer("concurrency", defaults.concurrency());
    if (concurrency < 1 || concurrency > 64) node.get("concurrency").problem("apply.concurrency must be between 1 and 64");
    double rps = node.decimal("requestsPerSecond", defaults.requestsPerSecond());
    if (rps < 0) node.get("requestsPerSecond").problem("apply.requestsPerSecond must not be negative (0 = unlimited)");
    int attempts = node.integer("maxAttempts", defaults.maxAttempts());
    if (attempts < 1) node.get("maxAttempts").problem("apply.maxAttempts must be at least 1");
    return new ApplyConfig(concurrency, rps, attempts,
        node.duration("initialBackoff", defaults.initialBackoff()), node.duration("maxBackoff", defaults.maxBackoff()));
  }
}
