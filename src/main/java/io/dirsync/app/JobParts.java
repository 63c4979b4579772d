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
import io.dirsync.model.RunOutcome;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.plan.RetirePolicy;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.source.Source;
import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import io.dirsync.sync.SavedPlanRun;
import io.dirsync.sync.SyncJob;
import io.dirsync.sync.SyncRun;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/** The adapters of one job, opened together and closed in reverse order. */
final class JobParts implements AutoCloseable {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final JobConfig job;
  private final Mapping mapping;
  private final Clock clock;
  private Source source;
  private Directory directory;
  private StateStore state;
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
      parts.source = parts.track(Sources.open(job.source(), mapping, parts.opened));
      parts.directory = new StoppableDirectory(parts.track(parts.openDirectory(job.target())), stopRequested);
      ApplySettings settings = applySettings(job.apply());
      parts.applier = new Applier(parts.directory, parts.state, settings, clock);
      parts.reads = new RetryingReads(parts.directory, settings);
      return parts;
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
  }

  static StateStore openState(DirsyncConfig config) {
    StateConfig s = config.state();
    try {
      return StateStores.open(s.url(), s.user(), s.password() == null ? null : s.password().value(), s.schema());
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
    return new SyncRun(syncJob, source, mapping, directory, state, applier, reads, clock);
  }

  SavedPlanRun savedPlanRun() {
    return new SavedPlanRun(directory, state, applier, guard(), clock);
  }

  private GuardPolicy guard() {
    return new GuardPolicy(job.removal().maxDeletes(), job.removal().maxDeletePercent(), false, job.removal().maxRetired());
  }

  Source source() {
    return source;
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
