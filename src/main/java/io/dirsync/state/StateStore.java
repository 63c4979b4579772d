package io.dirsync.state;

import io.dirsync.model.ExternalId;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What dirsync remembers between runs: runs, the journal of applied operations, the users it
 * manages and source watermarks, per job. Every write is committed before the method returns, so a
 * crash loses at most the operation in flight. Implementations are thread-safe.
 */
public interface StateStore extends AutoCloseable {

  /** Records the start of a run and returns its id. */
  String startRun(String job, boolean dryRun, Instant startedAt);

  /** Records how the run ended (the report's runId names it). */
  void finishRun(RunReport report);

  /** The most recent runs, newest first. */
  List<RunSummary> recentRuns(int limit);

  /** The full report a finished run stored; empty while it runs, for an unknown run, or when the store keeps none. */
  default Optional<RunReport> report(String runId) {
    return Optional.empty();
  }

  /** Appends one operation's outcome to the journal. */
  void journal(JournalEntry entry);

  /** Appends several outcomes, in order, in one transaction (the default writes them one by one). */
  default void journal(List<JournalEntry> entries) {
    entries.forEach(this::journal);
  }

  /** The journal of one run, in order. */
  List<JournalEntry> journalOf(String runId);

  /** Every user the job manages, by externalId. */
  Map<ExternalId, ManagedUser> managedUsers(String job);

  /** Inserts or replaces managed users (after a create, update or block). */
  void saveManaged(String job, Collection<ManagedUser> users);

  /** Forgets users (after a delete). */
  void forgetManaged(String job, Collection<ExternalId> ids);

  /** The groups, roles and departments the job manages (empty before its first applied run). */
  ManagedContainers managedContainers(String job);

  /** Replaces the groups, roles and departments the job manages. */
  void saveManagedContainers(String job, ManagedContainers containers);

  /**
   * Delta sync: what the job's last applied run knew of each user entry of its source, by key;
   * empty before the first such run (or when the store keeps none).
   */
  default Map<String, io.dirsync.model.SourceUser> sourceUsers(String job) {
    return Map.of();
  }

  /**
   * Saves what {@link #sourceUsers} returns next: with {@code replaceAll} (a full run) exactly
   * {@code upserts}; otherwise {@code upserts} replace the rows of their keys and {@code removedKeys}
   * are dropped. One transaction. The default keeps nothing.
   */
  default void saveSourceUsers(String job, boolean replaceAll, Collection<io.dirsync.model.SourceUser> upserts,
      Collection<String> removedKeys) {
  }

  Optional<String> watermark(String job, String name);

  void saveWatermark(String job, String name, String value);

  @Override
  void close();
}
