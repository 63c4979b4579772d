package io.dirsync.app;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Lets a run stop cleanly on SIGTERM: once a stop is requested, every further call fails as fatal
 * before it is sent, so the applier finishes the call in flight, journals it, skips the rest and
 * records the run. The next run resumes from the directory's state.
 */
final class StoppableDirectory implements Directory {
  private final Directory delegate;
  private final BooleanSupplier stopRequested;

  StoppableDirectory(Directory delegate, BooleanSupplier stopRequested) {
    this.delegate = delegate;
    this.stopRequested = stopRequested;
  }

  private void checkNotStopped() {
    if (stopRequested.getAsBoolean()) {
      throw new DirectoryException(DirectoryException.Kind.FATAL, 0, 0, "stop requested (SIGTERM): the rest is left for the next run", null);
    }
  }

  @Override
  public List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> roleNamespaces) {
    checkNotStopped();
    return delegate.findByExternalIds(ids, memberships, roleNamespaces);
  }

  @Override
  public Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces) {
    checkNotStopped();
    return delegate.findByExternalId(id, roleNamespaces);
  }

  @Override
  public DirectoryUser createUser(DesiredUser user) {
    checkNotStopped();
    return delegate.createUser(user);
  }

  @Override
  public DirectoryUser updateUser(String userId, Map<String, Object> changes) {
    checkNotStopped();
    return delegate.updateUser(userId, changes);
  }

  @Override
  public void setCustomData(String userId, Map<String, Object> values) {
    checkNotStopped();
    delegate.setCustomData(userId, values);
  }

  @Override
  public void blockUser(String userId) {
    checkNotStopped();
    delegate.blockUser(userId);
  }

  @Override
  public void deleteUser(String userId) {
    checkNotStopped();
    delegate.deleteUser(userId);
  }

  @Override
  public List<DirectoryGroup> listGroups() {
    checkNotStopped();
    return delegate.listGroups();
  }

  @Override
  public void createGroup(String code, String name) {
    checkNotStopped();
    delegate.createGroup(code, name);
  }

  @Override
  public void addGroupMembers(String groupCode, Collection<String> userIds) {
    checkNotStopped();
    delegate.addGroupMembers(groupCode, userIds);
  }

  @Override
  public void removeGroupMembers(String groupCode, Collection<String> userIds) {
    checkNotStopped();
    delegate.removeGroupMembers(groupCode, userIds);
  }

  @Override
  public List<RoleRef> listRoles(String namespace) {
    checkNotStopped();
    return delegate.listRoles(namespace);
  }

  @Override
  public void createRole(RoleRef role) {
    checkNotStopped();
    delegate.createRole(role);
  }

  @Override
  public void assignRole(RoleRef role, Collection<String> userIds) {
    checkNotStopped();
    delegate.assignRole(role, userIds);
  }

  @Override
  public void revokeRole(RoleRef role, Collection<String> userIds) {
    checkNotStopped();
    delegate.revokeRole(role, userIds);
  }

  @Override
  public List<DirectoryDepartment> listDepartments() {
    checkNotStopped();
    return delegate.listDepartments();
  }

  @Override
  public DirectoryDepartment createDepartment(String code, String name, String parentCode) {
    checkNotStopped();
    return delegate.createDepartment(code, name, parentCode);
  }

  @Override
  public void renameDepartment(String code, String name) {
    checkNotStopped();
    delegate.renameDepartment(code, name);
  }

  @Override
  public void moveDepartment(String code, String newParentCode) {
    checkNotStopped();
    delegate.moveDepartment(code, newParentCode);
  }

  @Override
  public void addDepartmentMembers(String departmentCode, Collection<String> userIds) {
    checkNotStopped();
    delegate.addDepartmentMembers(departmentCode, userIds);
  }

  @Override
  public void removeDepartmentMembers(String departmentCode, Collection<String> userIds) {
    checkNotStopped();
    delegate.removeDepartmentMembers(departmentCode, userIds);
  }

  @Override
  public void setMainDepartment(String userId, String departmentCode) {
    checkNotStopped();
    delegate.setMainDepartment(userId, departmentCode);
  }

  @Override
  public boolean movesUsersInOneCall() {
    return delegate.movesUsersInOneCall();
  }

  @Override
  public void moveUser(String userId, Collection<String> add, Collection<String> remove, String mainDepartment) {
    checkNotStopped();
    delegate.moveUser(userId, add, remove, mainDepartment);
  }

  @Override
  public int lookupBatchSize() {
    return delegate.lookupBatchSize();
  }

  @Override
  public void createGroups(List<DirectoryGroup> groups) {
    checkNotStopped();
    delegate.createGroups(groups);
  }

  @Override
  public int createBatchSize() {
    return delegate.createBatchSize();
  }

  @Override
  public boolean mergesMemberships() {
    return delegate.mergesMemberships();
  }

  @Override
  public List<io.dirsync.directory.CreateResult> createUsers(List<DesiredUser> users) {
    checkNotStopped();
    return delegate.createUsers(users);
  }

  @Override
  public int updateBatchSize() {
    return delegate.updateBatchSize();
  }

  @Override
  public void updateUsers(List<io.dirsync.directory.UserUpdate> updates) {
    checkNotStopped();
    delegate.updateUsers(updates);
  }

  @Override
  public void deleteUsers(List<String> userIds) {
    checkNotStopped();
    delegate.deleteUsers(userIds);
  }

  @Override
  public void createRoles(List<RoleRef> roles) {
    checkNotStopped();
    delegate.createRoles(roles);
  }

  @Override
  public io.dirsync.model.MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roles,
      Collection<String> departmentCodes) {
    checkNotStopped();
    return delegate.readMemberships(groupCodes, roles, departmentCodes);
  }

  @Override
  public void deleteGroup(String code) {
    checkNotStopped();
    delegate.deleteGroup(code);
  }

  @Override
  public void deleteDepartment(String code) {
    checkNotStopped();
    delegate.deleteDepartment(code);
  }

  @Override
  public Map<String, Long> callCounts() {
    return delegate.callCounts();
  }

  @Override
  public void checkAccess() {
    delegate.checkAccess();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
