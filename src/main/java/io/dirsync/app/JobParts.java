package io.dirsync.app;

import io.dirsync.apply.Applier;
import io.dirsync.apply.ApplySettings;
import io.dirsync.apply.RetryingReads;
import io.dirsync.config.ApplyConfig;
import io.dirsync.config.DirsyncConfig;
import io.dirsync.config.JobConfig;
import io.dirsync.config.StateConfig;
import io.dirsync.config.TargetConfig;
import io.dirsync.directory.Directory;
import io.dirsync.directory.authing.AuthingConfig;
import io.dirsync.directory.authing.AuthingDirectory;
import io.dirsync.directory.authing.AuthingManagementClient;
import io.dirsync.directory.authingv3.AuthingV3Directory;
import io.dirsync.directory.authingv3.V3Config;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.join.JoinMapping;
import io.dirsync.model.RunOutcome;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.plan.RetirePolicy;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.source.Source;
import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import io.dirsync.sync.NamedSource;
import io.dirsync.state.JdbcStateStore;
import io.dirsync.state.JobLock;
import io.dirsync.state.JobLocks;
import io.dirsync.state.StateStoreException;
import io.dirsync.model.RunReport;
import java.time.Instant;
import java.util.UUID;
import io.dirsync.sync.SavedPlanRun;
import io.dirsync.sync.SyncJob;
import io.dirsync.sync.SyncRun;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The adapters of one job, opened together and closed in reverse order. */
final class JobParts implements AutoCloseable {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final JobConfig job;
  private final Mapping mapping;
  private final Clock clock;
  private Source source;
  private List<NamedSource> sources = List.of();
  private Directory directory;
  private StateStore state;
  private JobLock lock;
  private Applier applier;
  private RetryingReads reads;
  private String targetDescription;

  private JobParts(JobConfig job, Mapping mapping, Clock clock) {
    this.job = job;
    this.mapping = mapping;
    this.clock = clock;
  }

  static JobParts open(DirsyncConfig config, JobConfig job, Mapping mapping, Clock clock, BooleanSupplier stopRequested) {
    JobParts parts = new JobParts(job, mapping, clock);
    try {
      parts.state = parts.track(openState(config));
      parts.openRest(config, stopRequested);
      return parts;
    } catch (RuntimeException e) {
      parts.close();
      throw Failures.of(e);
    }
  }

  private void openRest(DirsyncConfig config, BooleanSupplier stopRequested) {
    if (mapping instanceof JoinMapping join) {
      sources = JoinedSources.open(job, join, opened);
      source = sources.get(0).source();
    } else {
      source = track(Sources.open(job.source(), mapping, opened));
    }
    directory = new StoppableDirectory(track(openDirectory(job.target())), stopRequested);
    ApplySettings settings = applySettings(job.apply());
    applier = new Applier(directory, state, settings, clock);
    reads = new RetryingReads(directory, settings);
  }

  /**
   * Opens the parts of one recorded run (sync, apply, a scheduled firing): the state store, then
   * the job's lock — refused at once when another process runs the job — then the rest. Runs of the
   * job left unfinished by a dead process are marked abandoned. A failure after the lock (a bad LDIF,
   * an unreachable source) is recorded as the run's outcome and thrown as {@link RecordedRunFailure}.
   */
  static JobParts openRun(DirsyncConfig config, JobConfig job, Mapping mapping, Clock clock, boolean dryRun,
      BooleanSupplier stopRequested) {
    JobParts parts = new JobParts(job, mapping, clock);
    Instant started = clock.instant();
    JdbcStateStore store;
    try {
      store = parts.track(openState(config));
      parts.state = store;
      JobLocks.Result locked = store.jobLocks(clock).tryLock(job.name());
      if (locked.lock().isEmpty()) {
        throw new RunFailure(RunOutcome.ALREADY_RUNNING, locked.holder().describe() + "; this run did nothing", null);
      }
      parts.lock = parts.track(locked.lock().get());
      store.markAbandoned(job.name(), null, clock.instant(), ABANDONED);
    } catch (RuntimeException e) {
      parts.close();
      throw Failures.of(e);
    }
    JobLock lock = parts.lock;
    try {
      parts.openRest(config, () -> stopRequested.getAsBoolean() || !lock.held());
      return parts;
    } catch (RuntimeException e) {
      RunFailure failure = Failures.of(e);
      try {
        RunReport report = new RunReport(UUID.randomUUID().toString(), job.name(), dryRun, started, clock.instant(),
            failure.outcome(), failure.getMessage(), 0, 0, null, null, null, null, null);
        store.finishRun(report);
        throw new RecordedRunFailure(report, failure);
      } finally {
        parts.close();
      }
    }
  }

  static final String ABANDONED = "abandoned: its process ended without recording the run (killed or crashed)";

  static JdbcStateStore openState(DirsyncConfig config) {
    StateConfig s = config.state();
    try {
      return StateStores.open(s.url(), s.user(), s.password() == null ? null : s.password().value(), s.schema());
    } catch (StateStoreException e) {
      throw Failures.stateStore(e);
    } catch (RuntimeException e) {
      throw new RunFailure(RunOutcome.UNREACHABLE, "state store: " + e.getMessage(), e);
    }
  }

  private Directory openDirectory(TargetConfig target) {
    if (target.type() == TargetConfig.TargetType.SCIM) {
      targetDescription = "the SCIM service provider at " + target.scim().url();
      return ScimTargets.open(target, clock);
    }
    String host = target.host();
    if (target.type() == TargetConfig.TargetType.SANDBOX) {
      SandboxServer sandbox = track(SandboxServer.start(SandboxOptions.defaults().withDataDir(target.sandboxData())
          .withCredentials(target.userPoolId(), target.secret().value()), clock));
      host = sandbox.baseUri().toString();
      targetDescription = "the in-process sandbox at " + host + " (data in " + target.sandboxData() + ")";
    } else {
      targetDescription = "user pool " + target.userPoolId() + " at " + host;
    }
    if (target.api() == TargetConfig.TargetApi.V3) {
      return new AuthingV3Directory(new V3Config(java.net.URI.create(host), target.accessKeyId(), target.accessKeySecret().value(),
          AuthingConfig.DEFAULT_CONNECT_TIMEOUT, target.timeout(), "zh-CN"), target.orgCode(), clock);
    }
    AuthingConfig authing = new AuthingConfig(java.net.URI.create(host), target.userPoolId(), target.secret().value(),
        AuthingConfig.DEFAULT_CONNECT_TIMEOUT, target.timeout(), "zh-CN", AuthingConfig.DEFAULT_REFRESH_MARGIN);
    return new AuthingDirectory(new AuthingManagementClient(authing, clock), target.orgCode(), target.firstLoginEmailAppId());
  }

  private static ApplySettings applySettings(ApplyConfig a) {
    return new ApplySettings(a.concurrency(), a.requestsPerSecond(), a.maxAttempts(), a.initialBackoff(), a.maxBackoff(), 0.5, 42L);
  }

  SyncRun syncRun() {
    SyncJob syncJob = new SyncJob(job.name(), RemovalAction.valueOf(job.removal().action().name()), guard(), job.apply().concurrency(),
        new RetirePolicy(job.removal().groups(), job.removal().departments()));
    if (mapping instanceof JoinMapping join) {
      return new SyncRun(syncJob, sources, join, job.timeZone(), directory, state, applier, reads, clock);
    }
    return new SyncRun(syncJob, source, mapping, deltaSettings(), directory, state, applier, reads, clock);
  }

  /** Delta sync settings when the job's LDAP source has {@code delta:}, else null. */
  private io.dirsync.sync.DeltaSettings deltaSettings() {
    if (!(source instanceof io.dirsync.source.ldap.LdapSource ldap) || ldap.delta() == null) return null;
    return new io.dirsync.sync.DeltaSettings(ldap.delta(), job.source().ldap().delta().fullEvery(), fingerprint());
  }

  /** What a saved delta position depends on: the source section and the mapping (file and attributes read). */
  private String fingerprint() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(job.source().ldap().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (io.dirsync.model.EntryKind kind : io.dirsync.model.EntryKind.values()) {
        sha.update(new java.util.TreeSet<>(mapping.attributes(kind)).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (job.mapping() != null && java.nio.file.Files.isRegularFile(job.mapping())) sha.update(java.nio.file.Files.readAllBytes(job.mapping()));
      return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }

  SavedPlanRun savedPlanRun() {
    return new SavedPlanRun(directory, state, applier, guard(), clock);
  }

  /** Why the job's safety guards would stop {@code plan}, if they would. */
  java.util.Optional<String> guardViolation(io.dirsync.model.Plan plan) {
    return guardViolation(plan, plan.sourceUsers());
  }

  /** As above, with the users the source holds ({@code plan} may be a delta plan). */
  java.util.Optional<String> guardViolation(io.dirsync.model.Plan plan, int sourceUsers) {
    return io.dirsync.plan.Guards.check(plan, guard(), state.managedUsers(job.name()).size(), sourceUsers).map(v -> v.reason());
  }

  private GuardPolicy guard() {
    return new GuardPolicy(job.removal().maxDeletes(), job.removal().maxDeletePercent(), false, job.removal().maxRetired());
  }

  StateStore state() {
    return state;
  }

  Source source() {
    return source;
  }

  /** The named sources of a job that joins several (empty otherwise). */
  List<NamedSource> sources() {
    return sources;
  }

  Directory directory() {
    return directory;
  }

  String targetDescription() {
    return targetDescription;
  }

  private <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        // closing is best effort; the run's outcome is already decided
      }
    }
  }
}
