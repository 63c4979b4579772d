package io.dirsync.apply;

import io.dirsync.model.ExternalId;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import io.dirsync.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A small thread-safe in-memory {@link StateStore} for apply tests. */
class MemoryStateStore implements StateStore {
  private final List<JournalEntry> journal = new ArrayList<>();
  private final Map<String, Map<ExternalId, ManagedUser>> managed = new HashMap<>();
  private final Map<String, String> watermarks = new HashMap<>();
  private int runs;

  @Override public synchronized String startRun(String job, boolean dryRun, Instant startedAt) { return "run-" + ++runs; }
  @Override public synchronized void finishRun(RunReport report) { }
  @Override public synchronized List<RunSummary> recentRuns(int limit) { return List.of(); }
  @Override public synchronized void journal(JournalEntry entry) { journal.add(entry); }

  @Override
  public synchronized List<JournalEntry> journalOf(String runId) {
    return journal.stream().filter(e -> e.runId().equals(runId)).toList();
  }

  @Override
  public synchronized Map<ExternalId, ManagedUser> managedUsers(String job) {
    return new TreeMap<>(managed.getOrDefault(job, Map.of()));
  }

  @Override
  public synchronized void saveManaged(String job, Collection<ManagedUser> users) {
    users.forEach(u -> managed.computeIfAbsent(job, k -> new HashMap<>()).put(u.externalId(), u));
  }

  @Override
  public synchronized void forgetManaged(String job, Collection<ExternalId> ids) {
    ids.forEach(id -> managed.getOrDefault(job, new HashMap<>()).remove(id));
  }

  @Override public synchronized Optional<String> watermark(String job, String name) { return Optional.ofNullable(watermarks.get(job + "/" + name)); }
  @Override public synchronized void saveWatermark(String job, String name, String value) { watermarks.put(job + "/" + name, value); }
  @Override public void close() { }

  private final Map<String, ManagedContainers> containers = new HashMap<>();

  @Override
  public synchronized ManagedContainers managedContainers(String job) {
    return containers.getOrDefault(job, ManagedContainers.NONE);
  }

  @Override
  public synchronized void saveManagedContainers(String job, ManagedContainers managed) {
    containers.put(job, managed);
  }
}
