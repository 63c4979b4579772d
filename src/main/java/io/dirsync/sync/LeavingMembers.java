package io.dirsync.sync;

import io.dirsync.apply.RetryingReads;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import io.dirsync.plan.Retirement;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the members of the managed groups, roles and departments that left the source and that the
 * directory still holds: the planner revokes the managed ones. One read, and none when nothing left.
 */
final class LeavingMembers {
  private static final MembershipIndex NONE = new MembershipIndex(null, null, null, null);

  private final RetryingReads directory;

  LeavingMembers(RetryingReads directory) {
    this.directory = directory;
  }

  MembershipIndex read(DesiredState desired, ManagedContainers managed, DirectorySnapshot snapshot) {
    ManagedContainers leaving = Retirement.leaving(desired, managed);
    Set<String> groups = new TreeSet<>(leaving.groups());
    groups.retainAll(snapshot.groups().stream().map(DirectoryGroup::code).toList());
    Set<String> departments = new TreeSet<>(leaving.departments());
    departments.retainAll(snapshot.departments().stream().map(DirectoryDepartment::code).toList());
    Set<RoleRef> roles = new TreeSet<>();
    Set<String> namespaces = new HashSet<>();
    leaving.roles().forEach(r -> namespaces.add(r.namespace()));
    for (String namespace : namespaces) {
      Set<RoleRef> existing = snapshot.roles().stream().anyMatch(r -> r.namespace().equals(namespace))
          ? snapshot.roles() : Set.copyOf(directory.listRoles(namespace));
      leaving.roles().stream().filter(r -> r.namespace().equals(namespace) && existing.contains(r)).forEach(roles::add);
    }
    if (groups.isEmpty() && roles.isEmpty() && departments.isEmpty()) return NONE;
    return directory.readMemberships(groups, roles, departments);
  }
}
