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
    return read(desired, roleNamespaces, listener, null);
  }

  /**
   * With {@code applied} (a delta run after a run that applied everything): no member listings;
   * each found user's memberships are taken as what dirsync last applied to it, and read per user
   * only for users it has no record of.
   */
  DirectorySnapshot read(DesiredState desired, Set<String> roleNamespaces, SyncListener listener,
      Map<ExternalId, io.dirsync.model.SourceUser> applied) {
    Set<String> namespaces = new TreeSet<>(roleNamespaces);
    desired.roles().forEach(r -> namespaces.add(r.namespace()));
    desired.users().forEach(u -> u.roles().forEach(r -> namespaces.add(r.namespace())));
    Set<RoleRef> roles = new HashSet<>();
    for (String namespace : namespaces) roles.addAll(directory.listRoles(namespace));
    Compared compared = Compared.by(desired.users());
    List<DirectoryDepartment> departments = directory.listDepartments();
    List<DirectoryGroup> groups = directory.listGroups();
    List<DirectoryUser> found = lookUp(desired.users(), namespaces, compared, listener);
    if (applied != null) return new DirectorySnapshot(AppliedMemberships.of(found, applied, directory, namespaces), departments, groups, roles);
    Set<String> managedGroups = new TreeSet<>();
    desired.groups().forEach(g -> managedGroups.add(g.code()));
    desired.users().forEach(u -> managedGroups.addAll(u.groups()));
    List<String> groupCodes = groups.stream().map(DirectoryGroup::code).filter(managedGroups::contains).toList();
    List<String> departmentCodes = departments.stream().map(DirectoryDepartment::code).filter(c -> c != null).toList();
    MembershipIndex index = found.isEmpty() ? new MembershipIndex(Map.of(), Map.of(), Map.of(), Map.of())
        : directory.readMemberships(groupCodes, List.copyOf(roles), departmentCodes);
    return new DirectorySnapshot(withMemberships(found, index, desired.users()), departments, groups, roles);
  }

  /**
   * Each found user with the groups, roles and departments the index lists it in. Memberships are
   * gathered by the user's position among the found users into int arrays (no set per user), and a
   * user whose memberships equal the desired ones shares the desired user's sets: at 100,000 users
   * with 4 memberships each this holds a few MB where a map of sets per user held ~100 MB.
   */
  private List<DirectoryUser> withMemberships(List<DirectoryUser> found, MembershipIndex index, List<DesiredUser> desired) {
    Map<String, Integer> position = new HashMap<>(found.size() * 2);
    for (int i = 0; i < found.size(); i++) position.put(found.get(i).id(), i);
    Memberships<String> groups = Memberships.of(index.groupMembers(), position, found.size());
    Memberships<RoleRef> roles = Memberships.of(index.roleMembers(), position, found.size());
    Memberships<String> departments = Memberships.of(index.departmentMembers(), position, found.size());
    Map<ExternalId, DesiredUser> desiredById = new HashMap<>(desired.size() * 2);
    desired.forEach(u -> desiredById.put(u.externalId(), u));
    List<DirectoryUser> out = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      DirectoryUser u = found.get(i);
      DesiredUser wanted = u.externalId() == null ? null : desiredById.get(u.externalId());
      List<String> in = departments.of(i);
      String main = index.mainDepartments().get(u.id());
      if (main == null && in.size() == 1 && lastRunClean) {
        String only = in.get(0);
        String wantedMain = wanted == null ? null : wanted.mainDepartment();
        main = wantedMain == null || wantedMain.equals(only) ? wantedMain : only;
      }
      out.add(u.withMemberships(
          Memberships.sameOr(groups.of(i), wanted == null ? null : wanted.groups()),
          Memberships.sameOr(roles.of(i), wanted == null ? null : wanted.roles()),
          Memberships.sameOr(in, wanted == null ? null : wanted.departments()), main));
    }
    return out;
  }

  /** Keys (group codes, roles, department codes) by user position: user i holds keys[at[start[i]..start[i+1])], in key order. */
  private record Memberships<K>(List<K> keys, int[] start, int[] at) {
    static <K extends Comparable<? super K>> Memberships<K> of(Map<K, Set<String>> members, Map<String, Integer> position, int users) {
      List<K> keys = new ArrayList<>(members.keySet());
      java.util.Collections.sort(keys);
      int[] start = new int[users + 1];
      for (K key : keys) {
        for (String id : members.get(key)) {
          Integer p = position.get(id);
          if (p != null) start[p + 1]++;
        }
      }
      for (int i = 0; i < users; i++) start[i + 1] += start[i];
      int[] next = java.util.Arrays.copyOf(start, users);
      int[] at = new int[start[users]];
      for (int k = 0; k < keys.size(); k++) {
        for (String id : members.get(keys.get(k))) {
          Integer p = position.get(id);
          if (p != null) at[next[p]++] = k;
        }
      }
      return new Memberships<>(keys, start, at);
    }

    /** User {@code i}'s keys, sorted. */
    List<K> of(int i) {
      int from = start[i];
      int to = start[i + 1];
      if (from == to) return List.of();
      List<K> out = new ArrayList<>(to - from);
      for (int j = from; j < to; j++) out.add(keys.get(at[j]));
      return out;
    }

    /** {@code desired} itself when it holds exactly {@code sorted}, so equal sets are shared; else {@code sorted}. */
    static <K> java.util.Collection<K> sameOr(List<K> sorted, java.util.SortedSet<K> desired) {
      if (desired == null || desired.size() != sorted.size()) return sorted;
      java.util.Iterator<K> it = desired.iterator();
      for (K k : sorted) {
        if (!k.equals(it.next())) return sorted;
      }
      return desired;
    }
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
          List<DirectoryUser> found = directory.findByExternalIds(List.copyOf(byId.keySet()), false, namespaces).stream()
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
  record Compared(Set<String> fields, Set<String> customKeys) {
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
     * The compared part of {@code u}. Fields or custom data equal to the desired user's are that
     * user's own (a view over its packed bytes), so an unchanged user's snapshot holds no second
     * copy of its strings.
     */
    DirectoryUser keep(DirectoryUser u, DesiredUser desired) {
      if (desired == null) {
        return new DirectoryUser(u.id(), u.externalId(), only(u.fields(), fields),
            only(u.customData(), customKeys), u.groups(), u.roles(), u.departments(), u.mainDepartment());
      }
      return new DirectoryUser(u.id(), desired.externalId(), sameOr(only(u.fields(), fields), desired.fields()),
          sameOr(only(u.customData(), customKeys), desired.customData()), same(u.groups(), desired.groups()),
          same(u.roles(), desired.roles()), same(u.departments(), desired.departments()), u.mainDepartment());
    }

    private static Map<String, Object> only(Map<String, Object> values, Set<String> keys) {
      Map<String, Object> kept = new HashMap<>();
      values.forEach((k, v) -> {
        if (keys.contains(k)) kept.put(k, v);
      });
      return kept;
    }

    private static Map<String, Object> sameOr(Map<String, Object> found, Map<String, Object> desired) {
      return found.equals(desired) ? desired : found;
    }

    private static <T> java.util.SortedSet<T> same(java.util.SortedSet<T> found, java.util.SortedSet<T> desired) {
      return found.equals(desired) ? desired : found;
    }
  }
}
