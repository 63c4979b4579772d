package io.dirsync.sync;

import io.dirsync.apply.RetryingReads;
import io.dirsync.directory.Directory;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.MembershipIndex;
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
 * Reads what the plan needs from the directory: the desired users by externalId in batches (fields
 * and custom data only), the department, group and role listings, and once per run the members of
 * every managed group, every role of the managed namespaces and every department of the managed
 * org ({@link MembershipIndex}), from which each user's memberships are put together.
 *
 * <p>The main department: where the directory told it, that. Authing's member listings never tell
 * it (it is read per user only for users in several departments); for a user in exactly one
 * department, after a previous run that applied everything, it is taken as what that run set: the
 * desired main department when that is this department or none, else this department. After a
 * crashed or partly failed run (or before the first), it is taken as unknown (none), so the plan
 * sets it again: an idempotent call per such user, once.
 */
final class SnapshotReader {
  private final RetryingReads directory;
  private final int concurrency;
  private final boolean lastRunClean;

  SnapshotReader(RetryingReads directory, int concurrency, boolean lastRunClean) {
    this.directory = directory;
    this.concurrency = Math.max(1, concurrency);
    this.lastRunClean = lastRunClean;
  }

  DirectorySnapshot read(DesiredState desired, Set<String> roleNamespaces, SyncListener listener) {
    Set<String> namespaces = new TreeSet<>(roleNamespaces);
    desired.roles().forEach(r -> namespaces.add(r.namespace()));
    desired.users().forEach(u -> u.roles().forEach(r -> namespaces.add(r.namespace())));
    Set<RoleRef> roles = new HashSet<>();
    for (String namespace : namespaces) roles.addAll(directory.listRoles(namespace));
    Compared compared = Compared.by(desired.users());
    List<DirectoryDepartment> departments = directory.listDepartments();
    List<DirectoryGroup> groups = directory.listGroups();
    List<DirectoryUser> found = lookUp(desired.users(), namespaces, compared, listener);
    Set<String> managedGroups = new TreeSet<>();
    desired.groups().forEach(g -> managedGroups.add(g.code()));
    desired.users().forEach(u -> managedGroups.addAll(u.groups()));
    List<String> groupCodes = groups.stream().map(DirectoryGroup::code).filter(managedGroups::contains).toList();
    List<String> departmentCodes = departments.stream().map(DirectoryDepartment::code).filter(c -> c != null).toList();
    MembershipIndex index = found.isEmpty() ? new MembershipIndex(Map.of(), Map.of(), Map.of(), Map.of())
        : directory.readMemberships(groupCodes, List.copyOf(roles), departmentCodes);
    return new DirectorySnapshot(withMemberships(found, index, desired.users()), departments, groups, roles);
  }

  private List<DirectoryUser> withMemberships(List<DirectoryUser> found, MembershipIndex index, List<DesiredUser> desired) {
    Map<String, Set<String>> groups = invert(index.groupMembers());
    Map<String, Set<RoleRef>> roles = invert(index.roleMembers());
    Map<String, Set<String>> departments = invert(index.departmentMembers());
    Map<ExternalId, String> wantedMain = new HashMap<>();
    desired.forEach(u -> {
      if (u.mainDepartment() != null) wantedMain.put(u.externalId(), u.mainDepartment());
    });
    List<DirectoryUser> out = new ArrayList<>(found.size());
    for (DirectoryUser u : found) {
      Set<String> in = departments.getOrDefault(u.id(), Set.of());
      String main = index.mainDepartments().get(u.id());
      if (main == null && in.size() == 1 && lastRunClean) {
        String only = in.iterator().next();
        String wanted = u.externalId() == null ? null : wantedMain.get(u.externalId());
        main = wanted == null || wanted.equals(only) ? wanted : only;
      }
      out.add(u.withMemberships(groups.getOrDefault(u.id(), Set.of()), roles.getOrDefault(u.id(), Set.of()), in, main));
    }
    return out;
  }

  private static <K> Map<String, Set<K>> invert(Map<K, Set<String>> members) {
    Map<String, Set<K>> byUser = new HashMap<>();
    members.forEach((key, ids) -> ids.forEach(id -> byUser.computeIfAbsent(id, k -> new HashSet<>()).add(key)));
    return byUser;
  }

  private List<DirectoryUser> lookUp(List<DesiredUser> users, Set<String> namespaces, Compared compared, SyncListener listener) {
    List<List<ExternalId>> batches = new ArrayList<>();
    int size = directory.lookupBatchSize();
    for (int i = 0; i < users.size(); i += size) {
      batches.add(users.subList(i, Math.min(users.size(), i + size)).stream().map(DesiredUser::externalId).toList());
    }
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, batches.size())));
    try {
      List<Future<List<DirectoryUser>>> futures = new ArrayList<>();
      for (List<ExternalId> batch : batches) {
        futures.add(pool.submit(() -> {
          List<DirectoryUser> found = directory.findByExternalIds(batch, false, namespaces).stream().map(compared::keep).toList();
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
