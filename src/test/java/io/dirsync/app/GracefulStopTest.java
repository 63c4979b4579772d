package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.config.ConfigLoader;
import io.dirsync.config.DirsyncConfig;
import io.dirsync.config.JobConfig;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.sync.SyncListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM mid-run: the call in flight finishes, the run is recorded as stopped, the next run resumes. */
class GracefulStopTest {
  @TempDir Path data;

  @Test
  void aStopRequestedMidApplyIsRecordedAndTheNextRunFinishesWithoutDuplicates() {
    Map<String, String> env = Map.of("DIRSYNC_DATA", data.toString());
    DirsyncConfig config = new ConfigLoader(env).load(Path.of("config/dirsync.yaml"));
    JobConfig job = config.jobs().get(0);
    Clock clock = Clock.systemUTC();

    AtomicReference<JobParts> running = new AtomicReference<>();
    RunReport stopped;
    try (JobParts parts = JobParts.open(config, job, MappingLoader.load(job.mapping(), env), clock,
        () -> running.get() != null && running.get().directory().callCounts().getOrDefault("createUser", 0L) >= 120)) {
      running.set(parts);
      stopped = parts.syncRun().run(false, false, SyncListener.NONE);
    }

    assertThat(stopped.outcome()).isEqualTo(RunOutcome.UNREACHABLE);
    assertThat(stopped.message()).contains("stop requested");
    int createdBeforeStop = stopped.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED);
    // Creates in flight when the stop came finish, but their custom-data write is refused: those count
    // as not completed here and are finished by the next run as updates.
    assertThat(createdBeforeStop).isBetween(100, 299);
    assertThat(stopped.count(OperationKind.CREATE_USER, OperationOutcome.SKIPPED)).isPositive();

    RunReport resumed;
    try (JobParts parts = JobParts.open(config, job, MappingLoader.load(job.mapping(), env), clock, () -> false)) {
      resumed = parts.syncRun().run(false, false, SyncListener.NONE);
    }
    assertThat(resumed.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(resumed.count(OperationKind.CREATE_USER, OperationOutcome.APPLIED)).isBetween(1, 300 - createdBeforeStop);
    assertThat(resumed.failures()).isEmpty();

    RunReport quiet;
    try (JobParts parts = JobParts.open(config, job, MappingLoader.load(job.mapping(), env), clock, () -> false)) {
      quiet = parts.syncRun().run(false, false, SyncListener.NONE);
    }
    assertThat(quiet.changesApplied()).isZero();
    assertThat(quiet.unchanged()).isEqualTo(300);
  }
}
