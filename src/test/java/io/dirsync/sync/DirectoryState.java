package io.dirsync.sync;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.authing.AuthingDirectory;
import io.dirsync.directory.authing.Paginated;
import io.dirsync.directory.authing.User;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything a sync decides in the directory, without the directory's own ids and timestamps, so
 * that two sandboxes synced from the same source compare equal.
 *
 * @param users every user holding an externalId, by externalId
 * @param usersWithoutExternalId usernames of users without one (made by hand)
 * @param totalUsers every user in the pool; more than {@code users} + {@code usersWithoutExternalId} means duplicates
 * @param departments "code name parent" lines
 * @param groups "code name" lines
 */
record DirectoryState(
    Map<String, UserState> users, SortedSet<String> usersWithoutExternalId, int totalUsers,
    SortedSet<String> departments, SortedSet<String> groups) {

  /** The fields a sync writes (the mapping's targets). */
  static final List<String> FIELDS = List.of("username", "email", "emailVerified", "phone", "name", "givenName",
      "familyName", "nickname", "blocked", "externalId");

  record UserState(Map<String, Object> fields, Map<String, Object> customData, SortedSet<String> groups,
      SortedSet<String> roles, SortedSet<String> departments, String mainDepartment) {}

  static DirectoryState read(AuthingDirectory directory) {
    List<User> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      int n = page;
      Paginated<User> p = retrying(() -> directory.client().users().listInCreationOrder(n, 100, false));
      all.addAll(p.list());
      if (p.list().size() < 100) break;
    }
    List<ExternalId> ids = all.stream().map(User::externalId).filter(id -> id != null && !id.isBlank())
        .map(ExternalId::of).distinct().toList();
    Map<String, UserState> users = new TreeMap<>();
    for (int i = 0; i < ids.size(); i += Directory.MAX_LOOKUP_BATCH) {
      List<ExternalId> batch = ids.subList(i, Math.min(ids.size(), i + Directory.MAX_LOOKUP_BATCH));
      for (DirectoryUser u : retrying(() -> directory.findByExternalIds(batch, true, SyncHarness.NAMESPACES))) {
        users.put(u.externalId().value(), state(u));
      }
    }
    SortedSet<String> withoutId = all.stream().filter(u -> u.externalId() == null || u.externalId().isBlank())
        .map(u -> String.valueOf(u.username())).collect(Collectors.toCollection(TreeSet::new));
    SortedSet<String> departments = retrying(directory::listDepartments).stream()
        .map(d -> d.code() + " " + d.name() + " " + d.parentCode()).collect(Collectors.toCollection(TreeSet::new));
    SortedSet<String> groups = retrying(directory::listGroups).stream()
        .map(g -> g.code() + " " + g.name()).collect(Collectors.toCollection(TreeSet::new));
    return new DirectoryState(users, withoutId, all.size(), departments, groups);
  }

  /**
   * Reads again while a flaky, rate-limited sandbox (fail-rate tests) answers with transient errors;
   * a 429 is retried after the Retry-After the sandbox asked for, as every client must.
   */
  static <T> T retrying(Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (DirectoryException e) {
        if (!e.isTransient() || attempt >= 30) throw e;
        if (e.retryAfterMillis() > 0) pause(e.retryAfterMillis());
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while honouring Retry-After", e);
    }
  }

  private static UserState state(DirectoryUser u) {
    Map<String, Object> fields = new TreeMap<>();
    for (String f : FIELDS) {
      if (u.field(f) != null) fields.put(f, u.field(f));
    }
    return new UserState(fields, new TreeMap<>(u.customData()), u.groups(),
        u.roles().stream().map(RoleRef::toString).collect(Collectors.toCollection(TreeSet::new)), u.departments(),
        u.mainDepartment());
  }

  UserState user(String externalId) {
    UserState u = users.get(externalId);
    if (u == null) throw new AssertionError("no user with externalId " + externalId + " in " + users.keySet());
    return u;
  }

  /** Users in a group, by externalId. */
  Set<String> membersOf(String group) {
    return users.entrySet().stream().filter(e -> e.getValue().groups().contains(group)).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
