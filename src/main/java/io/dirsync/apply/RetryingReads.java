package io.dirsync.apply;

import io.dirsync.directory.Directory;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of a {@link Directory} (look-ups and listings, which are safe to repeat) under the
 * same rate limit and transient-error retry as applied changes. The planning stage reads through
 * this, so a busy or flaky directory slows a run down instead of failing it.
 */
public final class RetryingReads {
  private final Directory directory;
  private final CallPolicy policy;

  public RetryingReads(Directory directory, ApplySettings settings) {
    this.directory = directory;
    this.policy = new CallPolicy("reads", settings);
  }

  public int lookupBatchSize() {
    return directory.lookupBatchSize();
  }

  public List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> roleNamespaces) {
    return policy.call(() -> directory.findByExternalIds(ids, memberships, roleNamespaces));
  }

  public Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces) {
    return policy.call(() -> directory.findByExternalId(id, roleNamespaces));
  }

  public List<DirectoryGroup> listGroups() {
    return policy.call(directory::listGroups);
  }

  public List<RoleRef> listRoles(String namespace) {
    return policy.call(() -> directory.listRoles(namespace));
  }

  public List<DirectoryDepartment> listDepartments() {
    return policy.call(directory::listDepartments);
  }

  public MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roles, Collection<String> departmentCodes) {
    return policy.call(() -> directory.readMemberships(groupCodes, roles, departmentCodes));
  }
}
