package io.dirsync.directory.authingv3;

import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.RoleRef;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group and role memberships by user, for look-ups that ask for them: v3's {@code get-user-batch}
 * carries departments but not groups or roles, and asking per user would cost a call per user.
 * Read once per adapter instance from the member listings ({@code list-group-members},
 * {@code list-role-members}; 50 users a page) the first time a batch look-up needs them, then kept
 * in step with this adapter's own writes. The app opens one adapter per run, so each run reads the
 * directory afresh.
 */
final class MembershipCache {
  private final GroupsRoles api;
  private final Map<String, Set<String>> groupsByUser = new ConcurrentHashMap<>();
  private final Map<String, Set<RoleRef>> rolesByUser = new ConcurrentHashMap<>();
  private final Set<String> readNamespaces = ConcurrentHashMap.newKeySet();
  private final Set<String> groupsDone = ConcurrentHashMap.newKeySet();
  private volatile boolean groupsRead;

  MembershipCache(GroupsRoles api) {
    this.api = api;
  }

  boolean covers(Set<String> namespaces) {
    return groupsRead && readNamespaces.containsAll(namespaces);
  }

  synchronized void load(Set<String> namespaces) {
    if (!groupsRead) {
      // a failed page leaves the groups read so far in place: a retried look-up goes on from there
      for (DirectoryGroup g : api.listGroups()) {
        if (groupsDone.contains(g.code())) continue;
        api.groupMemberIds(g.code()).forEach(u -> add(groupsByUser, u, g.code()));
        groupsDone.add(g.code());
      }
      groupsRead = true;
    }
    for (String ns : namespaces) {
      if (readNamespaces.contains(ns)) continue;
      for (RoleRef r : api.listRoles(ns)) api.roleMemberIds(r).forEach(u -> add(rolesByUser, u, r));
      readNamespaces.add(ns);
    }
  }

  Set<String> groups(String userId) {
    return Set.copyOf(groupsByUser.getOrDefault(userId, Set.of()));
  }

  Set<RoleRef> roles(String userId, Set<String> namespaces) {
    Set<RoleRef> out = new TreeSet<>();
    rolesByUser.getOrDefault(userId, Set.of()).forEach(r -> {
      if (namespaces.contains(r.namespace())) out.add(r);
    });
    return out;
  }

  void groupAdded(String code, Collection<String> users) {
    users.forEach(u -> add(groupsByUser, u, code));
  }

  void groupRemoved(String code, Collection<String> users) {
    users.forEach(u -> groupsByUser.computeIfPresent(u, (k, s) -> {
      s.remove(code);
      return s;
    }));
  }

  void groupDeleted(String code) {
    groupsByUser.values().forEach(s -> s.remove(code));
  }

  void roleAdded(RoleRef role, Collection<String> users) {
    users.forEach(u -> add(rolesByUser, u, role));
  }

  void roleRemoved(RoleRef role, Collection<String> users) {
    users.forEach(u -> rolesByUser.computeIfPresent(u, (k, s) -> {
      s.remove(role);
      return s;
    }));
  }

  void userDeleted(String userId) {
    groupsByUser.remove(userId);
    rolesByUser.remove(userId);
  }

  private static <T> void add(Map<String, Set<T>> index, String user, T value) {
    index.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(value);
  }
}
