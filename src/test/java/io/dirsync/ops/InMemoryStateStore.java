package io.dirsync.ops;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small StateStore fake for the ops tests: runs, journal, managed users and watermarks in maps. */
final class InMemoryStateStore implements StateStore {
  private final Map<String, RunSummary> runs = new LinkedHashMap<>();
  private final List<JournalEntry> journal = new ArrayList<>();
  private final Map<String, Map<ExternalId, ManagedUser>> managed = new HashMap<>();
  private final Map<String, String> watermarks = new HashMap<>();
  private RuntimeException failure;

  /** Makes every call fail, like a database that went away. */
  synchronized void failWith(RuntimeException e) {
    failure = e;
  }

  private void check() {
    if (failure != null) throw failure;
  }

  @Override
  public synchronized String startRun(String job, boolean dryRun, Instant startedAt) {
    check();
    String id = "run-" + (runs.size() + 1);
    runs.put(id, new RunSummary(id, job, dryRun, startedAt, null, null, 0, 0, 0, null));
    return id;
  }

  @Override
  public synchronized void finishRun(RunReport r) {
    check();
    runs.put(r.runId(), new RunSummary(r.runId(), r.job(), r.dryRun(), r.startedAt(), r.finishedAt(), r.outcome(),
        r.changesApplied(), r.failures().size(), r.totalApiCalls(), r.message()));
  }

  @Override
  public synchronized List<RunSummary> recentRuns(int limit) {
    check();
    return runs.values().stream().sorted(Comparator.comparing(RunSummary::startedAt).reversed()).limit(limit).toList();
  }

  @Override
  public synchronized void journal(JournalEntry entry) {
    journal.add(entry);
  }

  @Override
  public synchronized List<JournalEntry> journalOf(String runId) {
    return journal.stream().filter(e -> e.runId().equals(runId)).toList();
  }

  @Override
  public synchronized Map<ExternalId, ManagedUser> managedUsers(String job) {
    return Map.copyOf(managed.getOrDefault(job, Map.of()));
  }

  @Override
  public synchronized void saveManaged(String job, Collection<ManagedUser> users) {
    users.forEach(u -> managed.computeIfAbsent(job, j -> new HashMap<>()).put(u.externalId(), u));
  }

  @Override
  public synchronized void forgetManaged(String job, Collection<ExternalId> ids) {
    ids.forEach(id -> managed.getOrDefault(job, new HashMap<>()).remove(id));
  }

  @Override
  public synchronized Optional<String> watermark(String job, String name) {
    return Optional.ofNullable(watermarks.get(job + "/" + name));
  }

  @Override
  public synchronized void saveWatermark(String job, String name, String value) {
    watermarks.put(job + "/" + name, value);
  }

  @Override
  public void close() {}

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
