package io.dirsync.model;

import java.util.List;

/** Questions about operations that plans, reports and counters share. */
public final class Operations {
  private Operations() {}

  /** The users an operation is about: the one user of a user operation, every member of a membership one. */
  public static List<ExternalId> users(Operation op) {
    if (op instanceof Operation.CreateUser c) return List.of(c.user().externalId());
    if (op instanceof Operation.UpdateUser u) return List.of(u.externalId());
    if (op instanceof Operation.SetCustomData c) return List.of(c.externalId());
    if (op instanceof Operation.AddToGroup a) return a.users();
    if (op instanceof Operation.RemoveFromGroup r) return r.users();
    if (op instanceof Operation.AssignRole a) return a.users();
    if (op instanceof Operation.RevokeRole r) return r.users();
    if (op instanceof Operation.AddToDepartment a) return a.users();
    if (op instanceof Operation.RemoveFromDepartment r) return r.users();
    if (op instanceof Operation.SetMainDepartment m) return List.of(m.externalId());
    if (op instanceof Operation.BlockUser b) return List.of(b.externalId());
    if (op instanceof Operation.DeleteUser d) return List.of(d.externalId());
    return List.of();
  }

  /** Whether the operation changes memberships (groups, roles, departments). */
  public static boolean isMembership(OperationKind kind) {
    return kind.phase() == 2;
  }

  /** Memberships an operation sets or removes: one per user it names. */
  public static int memberships(Operation op) {
    return isMembership(op.kind()) ? users(op).size() : 0;
  }

  /** Whether the operation creates a user that starts out blocked (counted with the blocked users). */
  public static boolean createsBlocked(Operation op) {
    return op instanceof Operation.CreateUser c && Boolean.TRUE.equals(c.user().fields().get("blocked"));
  }
}
