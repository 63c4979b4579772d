package io.dirsync.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * The groups, roles and departments a job manages (they came from its source), as the state store
 * remembers them between runs: when one of them leaves the source, its managed memberships are
 * revoked.
 */
public record ManagedContainers(Set<String> groups, Set<RoleRef> roles, Set<String> departments) {

  public static final ManagedContainers NONE = new ManagedContainers(Set.of(), Set.of(), Set.of());

  public ManagedContainers {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    departments = departments == null ? Set.of() : Set.copyOf(departments);
  }

  public boolean isEmpty() {
    return groups.isEmpty() && roles.isEmpty() && departments.isEmpty();
  }

  public int size() {
    return groups.size() + roles.size() + departments.size();
  }

  /** Those of this set that {@code other} does not hold. */
  public ManagedContainers minus(ManagedContainers other) {
    Set<String> g = new TreeSet<>(groups);
    g.removeAll(other.groups);
    Set<RoleRef> r = new TreeSet<>(roles);
    r.removeAll(other.roles);
    Set<String> d = new TreeSet<>(departments);
    d.removeAll(other.departments);
    return new ManagedContainers(g, r, d);
  }

  public ManagedContainers plus(ManagedContainers other) {
    Set<String> g = new TreeSet<>(groups);
    g.addAll(other.groups);
    Set<RoleRef> r = new TreeSet<>(roles);
    r.addAll(other.roles);
    Set<String> d = new TreeSet<>(departments);
    d.addAll(other.departments);
    return new ManagedContainers(g, r, d);
  }
}
