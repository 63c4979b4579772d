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
    List<List<ExternalId>> batches = new ArrayList<>();
    int size = directory.lookupBatchSize();
    for (int i = 0; i < users.size(); i += size) {
      batches.add(users.subList(i, Math.min(users.size(), i + size)).stream().map(DesiredUser::externalId).toList());
    }
    AtomicLong done = new AtomicLong();
    Map<String, String> logContext = org.slf4j.MDC.getCopyOfContextMap();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, batches.size())), task -> new Thread(() -> {
      if (logContext != null) org.slf4j.MDC.setContextMap(logContext);  // the run id on the look-up threads' log lines
      task.run();
    }));
    try {
      List<Future<List<DirectoryUser>>> futures = new ArrayList<>();
      for (List<ExternalId> batch : batches) {
        futures.add(pool.submit(() -> {
          List<DirectoryUser> found = directory.findByExternalIds(batch, true, namespaces).stream().map(compared::keep).toList();
          listener.progress(done.addAndGet(batch.size()), users.size());
          return found;
        }));
      }
      List<DirectoryUser> found = new ArrayList<>();
      for (Future<List<DirectoryUser>> future : futures) found.addAll(future.get());
      return found;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
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

    DirectoryUser keep(DirectoryUser u) {
      return new DirectoryUser(u.id(), u.externalId(), only(u.fields(), fields), only(u.customData(), customKeys),
          u.groups(), u.roles(), u.departments(), u.mainDepartment());
    }

    private static Map<String, Object> only(Map<String, Object> values, Set<String> keys) {
      Map<String, Object> kept = new HashMap<>();
      values.forEach((k, v) -> {
        if (keys.contains(k)) kept.put(k, v);
      });
      return kept;
    }
  }
}
