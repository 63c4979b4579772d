package io.dirsync.sync;

import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.RoleRef;
import java.util.List;
import java.util.Set;

/** What the directory holds that the plan compares against. */
record DirectorySnapshot(
    List<DirectoryUser> found, List<DirectoryDepartment> departments, List<DirectoryGroup> groups, Set<RoleRef> roles) {
  DirectorySnapshot {
    found = List.copyOf(found);
    departments = List.copyOf(departments);
    groups = List.copyOf(groups);
    roles = Set.copyOf(roles);
  }
}
