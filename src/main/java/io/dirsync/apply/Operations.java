package io.dirsync.apply;

import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import java.util.List;

/** Which users an operation names. */
final class Operations {

  private Operations() {}

  static List<ExternalId> users(Operation op) {
    if (op instanceof Operation.CreateUser c) return List.of(c.user().externalId());
    if (op instanceof Operation.UpdateUser u) return List.of(u.externalId());
    if (op instanceof Operation.SetCustomData c) return List.of(c.externalId());
    if (op instanceof Operation.SetMainDepartment m) return List.of(m.externalId());
    if (op instanceof Operation.BlockUser b) return List.of(b.externalId());
    if (op instanceof Operation.DeleteUser d) return List.of(d.externalId());
    if (op instanceof Operation.AddToGroup a) return a.users();
    if (op instanceof Operation.RemoveFromGroup r) return r.users();
    if (op instanceof Operation.AssignRole a) return a.users();
    if (op instanceof Operation.RevokeRole r) return r.users();
    if (op instanceof Operation.AddToDepartment a) return a.users();
    if (op instanceof Operation.RemoveFromDepartment r) return r.users();
    return List.of();
  }
}
