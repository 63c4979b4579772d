package io.dirsync.sync;

import io.dirsync.apply.RetryingReads;
import io.dirsync.directory.Directory;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what the plan needs from the directory: the desired users by externalId in batches of 80
 * (with their memberships, in the same call), and the department, group and role listings.
 */
final class SnapshotReader {
  private final RetryingReads directory;
  private final int concurrency;

  SnapshotReader(RetryingReads directory, int concurrency) {
    this.directory = directory;
    this.concurrency = Math.max(1, concurrency);
  }

  DirectorySnapshot read(DesiredState desired, Set<String> roleNamespaces, SyncListener listener) {
    Set<String> namespaces = new TreeSet<>(roleNamespaces);
    desired.roles().forEach(r -> namespaces.add(r.namespace()));
    desired.users().forEach(u -> u.roles().forEach(r -> namespaces.add(r.namespace())));
    Set<RoleRef> roles = new HashSet<>();
    for (String namespace : namespaces) roles.addAll(directory.listRoles(namespace));
    Compared compared = Compared.by(desired.users());
    return new DirectorySnapshot(lookUp(desired.users(), namespaces, compared, listener),
        directory.listDepartments(), directory.listGroups(), roles);
  }

  private List<DirectoryUser> lookUp(List<DesiredUser> users, Set<String> namespaces, Compared compared, SyncListener listener) {
    List<List<DesiredUser>> batches = new ArrayList<>();
    int size = directory.lookupBatchSize();
    for (int i = 0; i < users.size(); i += size) batches.add(users.subList(i, Math.min(users.size(), i + size)));
    AtomicLong done = new AtomicLong();
    Map<String, String> logContext = org.slf4j.MDC.getCopyOfContextMap();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, batches.size())), task -> new Thread(() -> {
      if (logContext != null) org.slf4j.MDC.setContextMap(logContext);  // the run id on the look-up threads' log lines
      task.run();
    }));
    try {
      List<Future<List<DirectoryUser>>> futures = new ArrayList<>();
      for (List<DesiredUser> batch : batches) {
        futures.add(pool.submit(() -> {
          Map<ExternalId, DesiredUser> byId = new java.util.LinkedHashMap<>();
          batch.forEach(u -> byId.put(u.externalId(), u));
          List<DirectoryUser> found = directory.findByExternalIds(List.copyOf(byId.keySet()), true, namespaces).stream()
              .map(u -> compared.keep(u, byId.get(u.externalId()))).toList();
          listener.progress(done.addAndGet(batch.size()), users.size());
          return found;
        }));
      }
      List<DirectoryUser> found = new ArrayList<>();
      for (Future<List<DirectoryUser>> future : futures) found.addAll(future.get());
      return found;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      if (e.getCause() instanceof Error error) throw error; // out of memory stays fatal
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking users up", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The fields and custom-data keys the planner compares: those the desired users carry, plus
   * {@code blocked} and {@code phoneCountryCode}. A directory user comes back with every field the
   * directory fills (photo, token, timestamps, login counts…) and the snapshot of every desired user
   * is held until the plan is made; keeping only these saves ~0.45 KB a user against the sandbox
   * (~45 MB of live heap at 100,000 users; more against Authing, which fills more fields).
   */
  private record Compared(Set<String> fields, Set<String> customKeys) {
    static Compared by(List<DesiredUser> users) {
      Set<String> fields = new HashSet<>(Set.of("blocked", "phoneCountryCode"));
      Set<String> customKeys = new HashSet<>();
      for (DesiredUser u : users) {
        fields.addAll(u.fields().keySet());
        customKeys.addAll(u.customData().keySet());
      }
      return new Compared(fields, customKeys);
    }

    /**
     * The compared part of {@code u}; values equal to the desired user's are that user's objects, so
     * an unchanged user's snapshot costs its maps, not a second copy of every string.
     */
    DirectoryUser keep(DirectoryUser u, DesiredUser desired) {
      if (desired == null) {
        return new DirectoryUser(u.id(), u.externalId(), only(u.fields(), fields, Map.of()),
            only(u.customData(), customKeys, Map.of()), u.groups(), u.roles(), u.departments(), u.mainDepartment());
      }
      return new DirectoryUser(u.id(), desired.externalId(), only(u.fields(), fields, desired.fields()),
          only(u.customData(), customKeys, desired.customData()), same(u.groups(), desired.groups()),
          same(u.roles(), desired.roles()), same(u.departments(), desired.departments()), u.mainDepartment());
    }

    private static Map<String, Object> only(Map<String, Object> values, Set<String> keys, Map<String, Object> desired) {
      Map<String, Object> kept = new HashMap<>();
      values.forEach((k, v) -> {
        if (!keys.contains(k)) return;
        Object wanted = desired.get(k);
        kept.put(k, v.equals(wanted) ? wanted : v);
      });
      return kept;
    }

    private static <T> java.util.SortedSet<T> same(java.util.SortedSet<T> found, java.util.SortedSet<T> desired) {
      return found.equals(desired) ? desired : found;
    }
  }
}
