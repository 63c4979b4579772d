package io.dirsync.plan;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.HeldContainers;
import io.dirsync.model.ContainerRemoval;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small planner fixture owned by each test: what the source wants, what the directory and the state store hold. */
final class Scenario {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  final List<DesiredUser> desired = new ArrayList<>();
  final List<DirectoryUser> found = new ArrayList<>();
  final Map<ExternalId, ManagedUser> managed = new HashMap<>();
  final List<DesiredDepartment> desiredDepartments = new ArrayList<>();
  final List<DirectoryDepartment> departments = new ArrayList<>();
  final List<DesiredGroup> desiredGroups = new ArrayList<>();
  final List<DirectoryGroup> groups = new ArrayList<>();
  final Set<RoleRef> roles = new HashSet<>();
  boolean createGroups = true;
  boolean createRoles = true;
  RemovalAction action = RemovalAction.BLOCK;
  ManagedContainers containers = ManagedContainers.NONE;
  final Map<String, Set<String>> groupMembers = new HashMap<>();
  final Map<RoleRef, Set<String>> roleMembers = new HashMap<>();
  final Map<String, Set<String>> departmentMembers = new HashMap<>();
  RetirePolicy retire = RetirePolicy.DEFAULT;
  Set<ExternalId> authority;
  HeldContainers held = HeldContainers.NONE;

  static ExternalId ext(String id) {
    return ExternalId.of(id);
  }

  static DesiredUser user(String ext, Object... fieldPairs) {
    return DesiredUser.of(ExternalId.of(ext), pairs(fieldPairs));
  }

  static DirectoryUser dirUser(String id, String ext, Object... fieldPairs) {
    return DirectoryUser.of(id, ExternalId.of(ext), pairs(fieldPairs));
  }

  static Map<String, Object> pairs(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  Scenario want(DesiredUser... users) {
    desired.addAll(List.of(users));
    return this;
  }

  Scenario has(DirectoryUser... users) {
    found.addAll(List.of(users));
    return this;
  }

  Scenario manages(String ext, String directoryId) {
    managed.put(ExternalId.of(ext), new ManagedUser(ExternalId.of(ext), directoryId, "h", false, NOW));
    return this;
  }

  Scenario managesRemoved(String ext, String directoryId) {
    managed.put(ExternalId.of(ext), new ManagedUser(ExternalId.of(ext), directoryId, "h", true, NOW));
    return this;
  }

  Scenario groupsExist(String... codes) {
    for (String c : codes) groups.add(new DirectoryGroup(c, c, null));
    return this;
  }

  Scenario rolesExist(RoleRef... refs) {
    roles.addAll(List.of(refs));
    return this;
  }

  Scenario departmentExists(String code, String name, String parent) {
    departments.add(new DirectoryDepartment("id-" + code, code, name, parent));
    return this;
  }

  Scenario wantDepartment(String code, String name, String parent) {
    desiredDepartments.add(new DesiredDepartment(code, name, parent, "ou=" + code));
    return this;
  }

  /** What the state store remembers the job managing before this run. */
  Scenario managedBefore(Set<String> groupCodes, Set<RoleRef> roleRefs, Set<String> departmentCodes) {
    containers = new ManagedContainers(groupCodes, roleRefs, departmentCodes);
    return this;
  }

  /** Members (directory ids) of a group that left the source, as the directory lists them. */
  Scenario groupMembers(String code, String... ids) {
    groupMembers.put(code, Set.of(ids));
    return this;
  }

  Scenario roleMembers(RoleRef role, String... ids) {
    roleMembers.put(role, Set.of(ids));
    return this;
  }

  Scenario departmentMembers(String code, String... ids) {
    departmentMembers.put(code, Set.of(ids));
    return this;
  }

  Scenario retire(ContainerRemoval groupRemoval, ContainerRemoval departmentRemoval) {
    retire = new RetirePolicy(groupRemoval, departmentRemoval);
    return this;
  }

  /** A delta run that read (or was told of) only these users. */
  Scenario delta(String... ext) {
    authority = new HashSet<>();
    for (String e : ext) authority.add(ExternalId.of(e));
    return this;
  }

  /** Groups and departments whose entries the mapping skipped this run. */
  Scenario held(HeldContainers h) {
    held = h;
    return this;
  }

  PlanInput input() {
    DesiredState state = new DesiredState(desired, desiredDepartments, desiredGroups, List.of(), List.of(), createGroups, createRoles,
        Set.of(), held);
    return new PlanInput("job", NOW, state, found, managed, departments, groups, roles, action, containers,
        new MembershipIndex(groupMembers, roleMembers, departmentMembers, Map.of()), retire, authority);
  }

  Plan plan() {
    return new Planner().plan(input());
  }
}
