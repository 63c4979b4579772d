package io.dirsync.directory.authingv3;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each looked-up user's departments (Authing ids, every organization, not only the managed one) and
 * main department, as {@code get-user-batch} with {@code withDepartmentIds} answered them, kept in
 * step with this adapter's own department writes. With it a main-department change sends the
 * user's whole set ({@code set-user-departments} replaces it) without reading it first
 * ({@code get-user-departments}), and the membership index gets the main department of users in
 * several departments without a read per user.
 *
 * <p>A user is known only after a look-up in this adapter (one per run, so the knowledge is as old
 * as the run's look-ups) and forgotten when a department write for it fails: a write whose outcome
 * is unknown may have changed the set, so the next change reads it again. Most users hold one
 * department that is also their main one; they cost one map entry whose key and value are strings
 * the look-up and the department listing hold anyway.
 */
final class KnownDepartments {

  /** A user's departments (Authing ids) and main department id (null: none). */
  record Held(List<String> ids, String main) {
    Held {
      ids = List.copyOf(ids);
    }
  }

  /** A user with none. */
  private static final Object NONE = new Object();

  /** By user id: the only department id when it is also the main one, {@link #NONE}, or a {@link Held}. */
  private final Map<String, Object> byUser = new ConcurrentHashMap<>();

  /** Remembers what a look-up answered for the user. */
  void saw(String userId, List<String> ids, String mainId) {
    byUser.put(userId, compact(ids, mainId));
  }

  /** What is known of the user, or null. */
  Held of(String userId) {
    return expand(byUser.get(userId));
  }

  /** Known users (of these) were added to the department. */
  void added(String departmentId, Collection<String> userIds) {
    for (String user : userIds) {
      byUser.computeIfPresent(user, (k, v) -> {
        Held h = expand(v);
        if (h.ids().contains(departmentId)) return v;
        List<String> ids = new ArrayList<>(h.ids());
        ids.add(departmentId);
        return compact(ids, h.main());
      });
    }
  }

  /** Known users (of these) were taken out of the department; it is no longer their main one. */
  void removed(String departmentId, Collection<String> userIds) {
    for (String user : userIds) {
      byUser.computeIfPresent(user, (k, v) -> {
        Held h = expand(v);
        List<String> ids = new ArrayList<>(h.ids());
        ids.remove(departmentId);
        return compact(ids, departmentId.equals(h.main()) ? null : h.main());
      });
    }
  }

  /** Forgets the users: their set is read again when needed. */
  void forget(Collection<String> userIds) {
    userIds.forEach(byUser::remove);
  }

  private static Object compact(List<String> ids, String mainId) {
    if (ids.isEmpty() && mainId == null) return NONE;
    if (ids.size() == 1 && ids.get(0).equals(mainId)) return ids.get(0);
    return new Held(ids, mainId);
  }

  private static Held expand(Object v) {
    if (v == null) return null;
    if (v == NONE) return new Held(List.of(), null);
    if (v instanceof String only) return new Held(List.of(only), only);
    return (Held) v;
  }
}
