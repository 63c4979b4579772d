package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.HeldContainers;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.Operation;
import io.dirsync.model.Operations;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import io.dirsync.model.UserLabels;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diff: desired state + what the directory holds + what the state store remembers → a
 * {@link Plan}. Pure and deterministic: the same input gives the same plan, operations in apply
 * order and sorted within each kind. Stateless and thread-safe.
 */
public final class Planner {

  public Plan plan(PlanInput in) {
    return planned(in).plan();
  }

  /** The plan, and the groups, roles and departments the job manages once it is applied. */
  public record Planned(Plan plan, ManagedContainers managedContainers) {}

  public Planned planned(PlanInput in) {
    DesiredUsers desired = DesiredUsers.of(in.desired().users());
    Map<ExternalId, DirectoryUser> found = foundByExternalId(in);

    HeldContainers held = in.desired().held();
    DepartmentPlanner.Result departments = DepartmentPlanner.plan(
        in.desired().departments().stream().filter(d -> !held.departments().contains(d.code())).toList(), in.departments());
    Retirement retirement = Retirement.plan(in);
    Catalog catalog = new Catalog(in, desired.list(), departments, retirement);
    List<Operation> ops = new ArrayList<>(departments.operations());
    ops.addAll(catalog.creates());

    MembershipDiff memberships = new MembershipDiff(catalog, held.users());
    int unchanged = 0;
    for (DesiredUser want : desired.list()) {
      DirectoryUser have = found.get(want.externalId());
      if (have == null) {
        ops.add(new Operation.CreateUser(UserDiff.forCreate(want)));
        memberships.add(want, null);
      } else {
        boolean changed = diffExisting(want, have, in.managed().get(want.externalId()), ops);
        changed |= memberships.add(want, have);
        if (!changed) unchanged++;
      }
    }
    revokeLeaving(in, retirement, memberships);
    List<Operation> membershipOps = memberships.operations();
    ops.addAll(membershipOps);
    ops.addAll(removals(in, desired));
    Map<String, String> departmentNames = new TreeMap<>();
    in.departments().forEach(d -> departmentNames.putIfAbsent(d.code(), d.name()));
    List<Operation> deletions = retirement.deletions(departmentNames);
    ops.addAll(deletions);

    List<SkippedEntry> skipped = new ArrayList<>(in.desired().skipped());
    skipped.addAll(departments.skipped());
    skipped.addAll(catalog.skipped());
    skipped.addAll(retirement.skipped());
    ManagedContainers retired = retired(retirement, membershipOps, deletions);
    Plan plan = new Plan(in.job(), in.createdAt(), ops, desired.size(), unchanged, in.managed().size(), skipped, describe(retired),
        labels(ops, desired, found, in.managed()));
    // a delta run saw only some users: what the job manages grows, never shrinks, until a full run
    ManagedContainers managedAfter = in.partial() ? in.managedContainers().plus(Retirement.inSource(in.desired()))
        : Retirement.inSource(in.desired()).plus(retired).plus(held.kept(in.managedContainers()));
    return new Planned(plan, managedAfter);
  }

  /**
   * Managed users who are members of a group, role or department that left the source and stays
   * lose that membership, whether or not they are still in the source.
   */
  private static void revokeLeaving(PlanInput in, Retirement retirement, MembershipDiff memberships) {
    Map<String, ExternalId> managedByDirectoryId = new HashMap<>();
    in.managed().values().forEach(m -> managedByDirectoryId.put(m.directoryId(), m.externalId()));
    in.found().stream().filter(u -> u.externalId() != null).forEach(u -> managedByDirectoryId.put(u.id(), u.externalId()));
    MembershipIndex index = in.retiringMembers();
    for (String g : retirement.revokedGroups()) {
      members(index.groupMembers().get(g), managedByDirectoryId).forEach(id -> memberships.revokeGroup(g, id));
    }
    for (RoleRef r : retirement.revokedRoles()) {
      members(index.roleMembers().get(r), managedByDirectoryId).forEach(id -> memberships.revokeRole(r, id));
    }
    for (String d : retirement.revokedDepartments()) {
      members(index.departmentMembers().get(d), managedByDirectoryId).forEach(id -> memberships.revokeDepartment(d, id));
    }
  }

  private static List<ExternalId> members(Set<String> directoryIds, Map<String, ExternalId> managed) {
    if (directoryIds == null) return List.of();
    return directoryIds.stream().map(managed::get).filter(Objects::nonNull).toList();
  }

  /** The groups, roles and departments that left the source and that this plan changes. */
  private static ManagedContainers retired(Retirement retirement, List<Operation> membershipOps, List<Operation> deletions) {
    Set<String> groups = new TreeSet<>();
    Set<RoleRef> roles = new TreeSet<>();
    Set<String> departments = new TreeSet<>();
    for (Operation op : membershipOps) {
      if (op instanceof Operation.RemoveFromGroup r && retirement.revokedGroups().contains(r.groupCode())) groups.add(r.groupCode());
      if (op instanceof Operation.RevokeRole r && retirement.revokedRoles().contains(r.role())) roles.add(r.role());
      if (op instanceof Operation.RemoveFromDepartment r && retirement.revokedDepartments().contains(r.departmentCode())) {
        departments.add(r.departmentCode());
      }
    }
    for (Operation op : deletions) {
      if (op instanceof Operation.DeleteGroup g) groups.add(g.code());
      if (op instanceof Operation.DeleteDepartment d) departments.add(d.code());
    }
    return new ManagedContainers(groups, roles, departments);
  }

  private static List<String> describe(ManagedContainers retired) {
    List<String> out = new ArrayList<>();
    retired.groups().forEach(g -> out.add("group " + g));
    retired.roles().forEach(r -> out.add("role " + r));
    retired.departments().forEach(d -> out.add("department " + d));
    return out;
  }

  /**
   * The desired users the directory already holds, as the state store should remember them:
   * users found by externalId but not yet managed are adopted; known ones get their directory id
   * and last-seen time refreshed, keeping their applied hash. A user dirsync removed stays marked
   * removed only while the directory still has it blocked (the plan unblocks it), so that it is
   * blocked again if it leaves the source once more.
   */
  public List<ManagedUser> matchedUsers(PlanInput in) {
    Map<ExternalId, DirectoryUser> found = foundByExternalId(in);
    List<ManagedUser> out = new ArrayList<>();
    for (DesiredUser want : in.desired().users()) {
      DirectoryUser have = found.get(want.externalId());
      if (have == null) continue;
      ManagedUser known = in.managed().get(want.externalId());
      out.add(known == null
          ? new ManagedUser(want.externalId(), have.id(), null, false, in.createdAt(), UserLabel.of(want))
          : new ManagedUser(want.externalId(), have.id(), known.appliedHash(), known.removed() && have.blocked(), in.createdAt(),
              UserLabel.of(want)));
    }
    return out.stream().distinct().sorted((a, b) -> a.externalId().compareTo(b.externalId())).toList();
  }

  /**
   * Names for every user the operations mention: from the source when it has the user, else from
   * the directory's look-up and the state store's record of what dirsync last mapped (a user that
   * left the source is usually not looked up; its DN is known only from that record).
   */
  private static Map<ExternalId, UserLabel> labels(List<Operation> ops, DesiredUsers desired,
      Map<ExternalId, DirectoryUser> found, Map<ExternalId, ManagedUser> managed) {
    BitSet named = new BitSet(desired.size());
    Map<ExternalId, UserLabel> others = new TreeMap<>();
    for (Operation op : ops) {
      for (ExternalId id : Operations.users(op)) {
        int at = desired.indexOf(id);
        if (at >= 0) {
          named.set(at);
          continue;
        }
        if (others.containsKey(id)) continue;
        DirectoryUser have = found.get(id);
        ManagedUser known = managed.get(id);
        UserLabel label = UserLabel.merge(have == null ? null : UserLabel.of(have), known == null ? null : known.label());
        if (label != null && !label.blank()) others.put(id, label);
      }
    }
    return new UserLabels(desired.index(), named, others);
  }

  private static Map<ExternalId, DirectoryUser> foundByExternalId(PlanInput in) {
    Map<ExternalId, DirectoryUser> found = new TreeMap<>();
    in.found().stream().filter(u -> u.externalId() != null).forEach(u -> found.putIfAbsent(u.externalId(), u));
    return found;
  }

  /** Adds field and custom-data updates for an existing user; returns whether there were any. */
  private static boolean diffExisting(DesiredUser want, DirectoryUser have, ManagedUser managed, List<Operation> ops) {
    List<FieldChange> fields = UserDiff.fieldChanges(want, have, managed);
    List<FieldChange> custom = UserDiff.customDataChanges(want, have);
    if (!fields.isEmpty()) ops.add(new Operation.UpdateUser(want.externalId(), have.id(), fields));
    if (!custom.isEmpty()) ops.add(new Operation.SetCustomData(want.externalId(), have.id(), custom));
    return !fields.isEmpty() || !custom.isEmpty();
  }

  /**
   * Managed users gone from the source; already-removed users are not blocked again, and users whose
   * entry is still there but could not be mapped are left alone.
   */
  private static List<Operation> removals(PlanInput in, DesiredUsers desired) {
    List<Operation> ops = new ArrayList<>();
    new TreeMap<>(in.managed()).forEach((id, m) -> {
      if (desired.contains(id) || in.desired().unmappedUsers().contains(id)) return;
      if (in.partial() && !in.authority().contains(id)) return; // a delta run did not read this user
      switch (in.removalAction()) {
        case BLOCK -> { if (!m.removed()) ops.add(new Operation.BlockUser(id, m.directoryId())); }
        case DELETE -> ops.add(new Operation.DeleteUser(id, m.directoryId()));
        case NONE -> { }
      }
    });
    return ops;
  }
}
