package io.dirsync.apply;

import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * For directories that batch: the plan chunks memberships by 80 users (v2's limit) and creates
 * groups one by one; merged, a group's members go in as few calls of the directory's own size as
 * possible (300 members of v3: 6 calls of 50, not 8; 100 of SCIM: 1 PATCH, not 2), and, where the
 * directory has a batch create, groups (and roles) are created together.
 */
final class MergedOperations {
  private MergedOperations() {}

  static boolean mergeable(Operation op) {
    return membership(op) || op instanceof Operation.CreateGroup || op instanceof Operation.CreateRole;
  }

  /** A membership operation (of a group, role or department), merged where {@code Directory.mergesMemberships()}. */
  static boolean membership(Operation op) {
    return op instanceof Operation.AddToGroup || op instanceof Operation.RemoveFromGroup || op instanceof Operation.AssignRole
        || op instanceof Operation.RevokeRole || op instanceof Operation.AddToDepartment || op instanceof Operation.RemoveFromDepartment;
  }

  static String key(Operation op) {
    return op instanceof Operation.CreateGroup || op instanceof Operation.CreateRole ? op.kind().name() : op.kind() + " " + op.target();
  }

  /** Runs the merged operations as one: the users of all, in one membership operation; or all groups (roles) in one create. */
  static OperationRunner.Outcome run(List<Operation> ops, OperationRunner runner) {
    Operation first = ops.get(0);
    if (first instanceof Operation.CreateGroup) return runner.createGroups(ops.stream().map(Operation.CreateGroup.class::cast).toList());
    if (first instanceof Operation.CreateRole) return runner.createRoles(ops.stream().map(r -> ((Operation.CreateRole) r).role()).toList());
    List<ExternalId> users = new ArrayList<>();
    ops.forEach(op -> users.addAll(users(op)));
    Operation merged;
    if (first instanceof Operation.AddToGroup a) merged = new Operation.AddToGroup(a.groupCode(), users);
    else if (first instanceof Operation.RemoveFromGroup r) merged = new Operation.RemoveFromGroup(r.groupCode(), users);
    else if (first instanceof Operation.AssignRole a) merged = new Operation.AssignRole(a.role(), users);
    else if (first instanceof Operation.RevokeRole r) merged = new Operation.RevokeRole(r.role(), users);
    else if (first instanceof Operation.AddToDepartment a) merged = new Operation.AddToDepartment(a.departmentCode(), users);
    else merged = new Operation.RemoveFromDepartment(((Operation.RemoveFromDepartment) first).departmentCode(), users);
    return runner.run(merged);
  }

  /** Whether a user failure of the merged operation belongs to {@code op}. */
  static boolean concerns(Operation op, Failure f) {
    return users(op).stream().anyMatch(u -> u.value().equals(f.target()));
  }

  private static List<ExternalId> users(Operation op) {
    if (op instanceof Operation.AddToGroup a) return a.users();
    if (op instanceof Operation.RemoveFromGroup r) return r.users();
    if (op instanceof Operation.AssignRole a) return a.users();
    if (op instanceof Operation.RevokeRole r) return r.users();
    if (op instanceof Operation.AddToDepartment a) return a.users();
    if (op instanceof Operation.RemoveFromDepartment r) return r.users();
    return List.of();
  }
}
