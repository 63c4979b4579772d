package io.dirsync.directory;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target user directory (Authing, SCIM, a fake). Implementations are thread-safe. Every method
 * throws {@link DirectoryException} classed as transient, permanent or fatal; none retries on its
 * own (the apply layer does). No method accepts or returns null collections.
 *
 * <p>Departments live under one org that the implementation manages; they are addressed by code.
 * Users are addressed by the directory's own id, except in look-ups by externalId.
 */
public interface Directory extends AutoCloseable {

  /** The most externalIds one look-up call accepts. */
  int MAX_LOOKUP_BATCH = 80;

  /** The most externalIds one {@link #findByExternalIds} call of this directory accepts. */
  default int lookupBatchSize() {
    return MAX_LOOKUP_BATCH;
  }

  /**
   * The users with these externalIds (at most {@link #lookupBatchSize()}), in no particular order;
   * unknown ids are left out. With {@code memberships} true each user carries its groups, roles in
   * the given namespaces, departments and main department, in the same call where the directory
   * allows it.
   */
  List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> roleNamespaces);

  /** One user by externalId, with memberships; empty when absent. */
  Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> roleNamespaces);

  /**
   * Creates the user with its fields and password. An implementation may set the custom data in
   * the same call: the keys of the returned user's custom data are those it set; the caller sets
   * the others separately ({@link #setCustomData}). It may set the main department in the same call
   * too: the returned user's {@code mainDepartment} is then the desired one (else null, and the
   * caller sets it with {@link #setMainDepartment}). Departments and groups are never joined here.
   */
  DirectoryUser createUser(DesiredUser user);

  /** The most users one {@link #createUsers} call takes; 1 means the directory has no batch create. */
  default int createBatchSize() {
    return 1;
  }

  /**
   * Creates these users (at most {@link #createBatchSize()}) with their fields, password, custom
   * data, departments and main department, in as few calls as the directory allows. One result per
   * user, in order: a user the directory refuses (duplicate, invalid) carries its PERMANENT error
   * and does not fail the others. A transient or fatal error is thrown for the whole call: which
   * users were made is then unknown (look them up before repeating it).
   */
  default List<CreateResult> createUsers(List<DesiredUser> users) {
    List<CreateResult> out = new java.util.ArrayList<>();
    for (DesiredUser user : users) {
      DirectoryUser created;
      try {
        created = createUser(user);
      } catch (DirectoryException e) {
        if (e.kind() != DirectoryException.Kind.PERMANENT) throw e;
        out.add(CreateResult.failed(user, e));
        continue;
      }
      if (!user.customData().isEmpty()) setCustomData(created.id(), user.customData());
      for (String department : user.departments()) addDepartmentMembers(department, List.of(created.id()));
      if (user.mainDepartment() != null) setMainDepartment(created.id(), user.mainDepartment());
      out.add(CreateResult.created(user, created));
    }
    return out;
  }

  /**
   * Whether one membership call ({@link #addGroupMembers}, {@link #assignRole},
   * {@link #addDepartmentMembers} and their removals) should get all of a step's users of one group,
   * role or department rather than the plan's chunks of 80: true where the directory splits members
   * to a size of its own, so that a group of 100 costs ceil(100 / that size) calls, not one per
   * chunk. The default: directories with a batch create.
   */
  default boolean mergesMemberships() {
    return createBatchSize() > 1;
  }

  /**
   * Creates these groups (code, name, description), in as few calls as the directory allows; the
   * default creates them one by one. A group that exists already fails the call.
   */
  default void createGroups(List<DirectoryGroup> groups) {
    for (DirectoryGroup g : groups) createGroup(g.code(), g.name());
  }

  /** Sets exactly these fields (a null value clears the field). */
  DirectoryUser updateUser(String userId, Map<String, Object> changes);

  /** Sets custom-field values; undefined keys are defined first as the value's type. */
  void setCustomData(String userId, Map<String, Object> values);

  /** Blocks the user and ends its sessions. */
  void blockUser(String userId);

  /** The most users one {@link #updateUsers} or {@link #deleteUsers} call takes; 1 means the directory has no batch update. */
  default int updateBatchSize() {
    return 1;
  }

  /**
   * Applies these updates (at most {@link #updateBatchSize()}, one per user) in as few calls as the
   * directory allows: each as {@link #updateUser}, {@link #setCustomData} and {@link #blockUser}
   * would. The call succeeds or fails as a whole; after a PERMANENT error the caller repeats the
   * users one by one to learn which was refused. Sending it again changes nothing more.
   */
  default void updateUsers(List<UserUpdate> updates) {
    for (UserUpdate u : updates) {
      if (!u.fields().isEmpty()) updateUser(u.userId(), u.fields());
      if (!u.customData().isEmpty()) setCustomData(u.userId(), u.customData());
      if (u.block()) blockUser(u.userId());
    }
  }

  /** Deletes these users (at most {@link #updateBatchSize()}) in as few calls as the directory allows; absent users are not an error. */
  default void deleteUsers(List<String> userIds) {
    userIds.forEach(this::deleteUser);
  }

  /** Deletes the user; deleting an absent user is not an error. */
  void deleteUser(String userId);

  List<DirectoryGroup> listGroups();

  void createGroup(String code, String name);

  void addGroupMembers(String groupCode, Collection<String> userIds);

  void removeGroupMembers(String groupCode, Collection<String> userIds);

  List<RoleRef> listRoles(String namespace);

  void createRole(RoleRef role);

  /** Creates these roles in as few calls as the directory allows; the default creates them one by one. */
  default void createRoles(List<RoleRef> roles) {
    roles.forEach(this::createRole);
  }

  void assignRole(RoleRef role, Collection<String> userIds);

  void revokeRole(RoleRef role, Collection<String> userIds);

  /** Every department of the managed org, root excluded. */
  List<DirectoryDepartment> listDepartments();

  /** Creates a department under {@code parentCode} (null = the org's root). */
  DirectoryDepartment createDepartment(String code, String name, String parentCode);

  void renameDepartment(String code, String name);

  void moveDepartment(String code, String newParentCode);

  void addDepartmentMembers(String departmentCode, Collection<String> userIds);

  void removeDepartmentMembers(String departmentCode, Collection<String> userIds);

  /** Sets (or with null clears) the user's main department. */
  void setMainDepartment(String userId, String departmentCode);

  /**
   * Whether {@link #moveUser} costs one call: then the applier moves each user whose main
   * department changes in that one call, before the department member operations, which leave
   * the moved user out. False by default: member operations for many users at once and then
   * {@link #setMainDepartment} per user are cheaper where a main department is set on its own.
   */
  default boolean movesUsersInOneCall() {
    return false;
  }

  /**
   * Adds the user to the {@code add} departments, takes it out of the {@code remove} ones and makes
   * {@code mainDepartment} (not null) its main department, leaving its other departments as they
   * are. Sending it again changes nothing more.
   */
  default void moveUser(String userId, Collection<String> add, Collection<String> remove, String mainDepartment) {
    for (String department : add) addDepartmentMembers(department, List.of(userId));
    for (String department : remove) removeDepartmentMembers(department, List.of(userId));
    setMainDepartment(userId, mainDepartment);
  }

  /**
   * The direct members of these groups, roles and departments (by directory user id), and the main
   * department of each member where the directory tells it. Read once per full run for everything
   * dirsync manages, as cheaply as the directory allows (paged member listings).
   */
  MembershipIndex readMemberships(Collection<String> groupCodes, Collection<RoleRef> roles, Collection<String> departmentCodes);

  /** Deletes the group and its memberships; deleting an absent group is not an error. */
  void deleteGroup(String code);

  /** Deletes a department that has no child departments; an absent one is not an error. */
  void deleteDepartment(String code);

  /** Calls made so far, by operation name (GraphQL root field or REST route). */
  Map<String, Long> callCounts();

  /** Checks that the directory is reachable and the credentials are accepted. */
  void checkAccess();

  @Override
  void close();
}
