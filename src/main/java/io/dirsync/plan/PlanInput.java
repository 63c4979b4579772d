package io.dirsync.plan;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the planner needs, gathered by the caller.
 *
 * @param job the job the plan is for
 * @param createdAt when the plan is made (recorded in the plan)
 * @param desired what the mapping produced from the source
 * @param found directory users matching the desired users by externalId, with memberships
 * @param managed users the state store says dirsync manages, by externalId
 * @param departments every department of the managed org
 * @param groups every group of the directory
 * @param existingRoles the roles of the directory in the namespaces the desired state uses
 * @param removalAction what to do with managed users gone from the source
 * @param managedContainers the groups, roles and departments the state store says the job manages
 * @param retiringMembers the directory's members of the managed groups, roles and departments that
 *     left the source (see {@link Retirement#leaving}); the others may be absent
 * @param retire what happens to managed groups and departments that left the source
 * @param authority on a delta run (only changed users read), the externalIds whose absence from
 *     {@code desired} means the user left the source; no group, role or department is retired. Null
 *     on a full run (every managed user absent from {@code desired} left the source).
 */
public record PlanInput(
    String job,
    Instant createdAt,
    DesiredState desired,
    List<DirectoryUser> found,
    Map<ExternalId, ManagedUser> managed,
    List<DirectoryDepartment> departments,
    List<DirectoryGroup> groups,
    Set<RoleRef> existingRoles,
    RemovalAction removalAction,
    ManagedContainers managedContainers,
    MembershipIndex retiringMembers,
    RetirePolicy retire,
    Set<ExternalId> authority) {

  public PlanInput {
    if (job == null || job.isBlank()) throw new IllegalArgumentException("job is required");
    if (createdAt == null) throw new IllegalArgumentException("createdAt is required");
    if (desired == null) throw new IllegalArgumentException("desired is required");
    found = found == null ? List.of() : List.copyOf(found);
    managed = managed == null ? Map.of() : Map.copyOf(managed);
    departments = departments == null ? List.of() : List.copyOf(departments);
    groups = groups == null ? List.of() : List.copyOf(groups);
    existingRoles = existingRoles == null ? Set.of() : Set.copyOf(existingRoles);
    removalAction = removalAction == null ? RemovalAction.BLOCK : removalAction;
    managedContainers = managedContainers == null ? ManagedContainers.NONE : managedContainers;
    retiringMembers = retiringMembers == null ? new MembershipIndex(null, null, null, null) : retiringMembers;
    retire = retire == null ? RetirePolicy.DEFAULT : retire;
    authority = authority == null ? null : Set.copyOf(authority);
  }

  /** A full run's input. */
  public PlanInput(String job, Instant createdAt, DesiredState desired, List<DirectoryUser> found,
      Map<ExternalId, ManagedUser> managed, List<DirectoryDepartment> departments, List<DirectoryGroup> groups,
      Set<RoleRef> existingRoles, RemovalAction removalAction, ManagedContainers managedContainers,
      MembershipIndex retiringMembers, RetirePolicy retire) {
    this(job, createdAt, desired, found, managed, departments, groups, existingRoles, removalAction, managedContainers,
        retiringMembers, retire, null);
  }

  /** Whether only some users were read (a delta run): see {@code authority}. */
  public boolean partial() {
    return authority != null;
  }

  /** An input for a job that manages no groups, roles or departments yet. */
  public PlanInput(String job, Instant createdAt, DesiredState desired, List<DirectoryUser> found,
      Map<ExternalId, ManagedUser> managed, List<DirectoryDepartment> departments, List<DirectoryGroup> groups,
      Set<RoleRef> existingRoles, RemovalAction removalAction) {
    this(job, createdAt, desired, found, managed, departments, groups, existingRoles, removalAction, null, null, null, null);
  }

  /**
   * Directory ids the applier can resolve externalIds with: managed users' ids, overridden by
   * what the look-ups found.
   */
  public Map<ExternalId, String> knownDirectoryIds() {
    Map<ExternalId, String> ids = new TreeMap<>();
    managed.values().forEach(m -> ids.put(m.externalId(), m.directoryId()));
    found.stream().filter(u -> u.externalId() != null).forEach(u -> ids.put(u.externalId(), u.id()));
    return ids;
  }
}
