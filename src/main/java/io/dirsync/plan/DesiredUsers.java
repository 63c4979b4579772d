package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ExternalIdIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired users sorted by externalId, the first of each externalId only, found through an
 * {@link ExternalIdIndex}. The mapping already delivers them sorted, so at a million users this is
 * the list itself and a table of ints instead of a tree map of a million entries.
 */
final class DesiredUsers {
  private final List<DesiredUser> users;
  private final ExternalIdIndex index;

  private DesiredUsers(List<DesiredUser> users) {
    this.users = users;
    this.index = new ExternalIdIndex(users);
  }

  static DesiredUsers of(List<DesiredUser> in) {
    for (int i = 1; i < in.size(); i++) {
      if (in.get(i - 1).externalId().compareTo(in.get(i).externalId()) >= 0) return sorted(in);
    }
    return new DesiredUsers(in);
  }

  private static DesiredUsers sorted(List<DesiredUser> in) {
    Map<ExternalId, DesiredUser> byId = new TreeMap<>();
    in.forEach(u -> byId.putIfAbsent(u.externalId(), u));
    return new DesiredUsers(new ArrayList<>(byId.values()));
  }

  List<DesiredUser> list() {
    return users;
  }

  ExternalIdIndex index() {
    return index;
  }

  int size() {
    return users.size();
  }

  /** The position of {@code id}, or -1. */
  int indexOf(ExternalId id) {
    return index.indexOf(id);
  }

  DesiredUser get(ExternalId id) {
    int i = indexOf(id);
    return i < 0 ? null : users.get(i);
  }

  boolean contains(ExternalId id) {
    return indexOf(id) >= 0;
  }
}
