package io.dirsync.model;

import java.util.List;

/**
 * One change to the directory. Users are named by externalId: a user created earlier in the same
 * run has no directory id when the plan is made. {@code userId} fields hold the directory id when
 * it was known at planning time (null otherwise).
 */
public sealed interface Operation {

  OperationKind kind();

  /** What the operation is about, for reports: an externalId, a group code, a department code… */
  String target();

  record CreateDepartment(String code, String name, String parentCode) implements Operation {
    public OperationKind kind() { return OperationKind.CREATE_DEPARTMENT; }
    public String target() { return code; }
  }

  /** Renames and/or moves a department; previous values let a saved plan detect staleness. */
  record UpdateDepartment(String code, String name, String parentCode, String previousName, String previousParentCode)
      implements Operation {
    public OperationKind kind() { return OperationKind.UPDATE_DEPARTMENT; }
    public String target() { return code; }
  }

  record CreateGroup(String code, String name) implements Operation {
    public OperationKind kind() { return OperationKind.CREATE_GROUP; }
    public String target() { return code; }
  }

  record CreateRole(RoleRef role) implements Operation {
    public OperationKind kind() { return OperationKind.CREATE_ROLE; }
    public String target() { return role.toString(); }
  }

  /** Creates a user with its fields, custom data and (create-only) password. */
  record CreateUser(DesiredUser user) implements Operation {
    public OperationKind kind() { return OperationKind.CREATE_USER; }
    public String target() { return user.externalId().value(); }
  }

  /** Sends exactly the changed fields. */
  record UpdateUser(ExternalId externalId, String userId, List<FieldChange> changes) implements Operation {
    public UpdateUser { changes = List.copyOf(changes); }
    public OperationKind kind() { return OperationKind.UPDATE_USER; }
    public String target() { return externalId.value(); }
  }

  record SetCustomData(ExternalId externalId, String userId, List<FieldChange> changes) implements Operation {
    public SetCustomData { changes = List.copyOf(changes); }
    public OperationKind kind() { return OperationKind.SET_CUSTOM_DATA; }
    public String target() { return externalId.value(); }
  }

  record AddToGroup(String groupCode, List<ExternalId> users) implements Operation {
    public AddToGroup { users = List.copyOf(users); }
    public OperationKind kind() { return OperationKind.ADD_TO_GROUP; }
    public String target() { return groupCode; }
  }

  record RemoveFromGroup(String groupCode, List<ExternalId> users) implements Operation {
    public RemoveFromGroup { users = List.copyOf(users); }
    public OperationKind kind() { return OperationKind.REMOVE_FROM_GROUP; }
    public String target() { return groupCode; }
  }

  record AssignRole(RoleRef role, List<ExternalId> users) implements Operation {
    public AssignRole { users = List.copyOf(users); }
    public OperationKind kind() { return OperationKind.ASSIGN_ROLE; }
    public String target() { return role.toString(); }
  }

  record RevokeRole(RoleRef role, List<ExternalId> users) implements Operation {
    public RevokeRole { users = List.copyOf(users); }
    public OperationKind kind() { return OperationKind.REVOKE_ROLE; }
    public String target() { return role.toString(); }
  }

  record AddToDepartment(String departmentCode, List<ExternalId> users) implements Operation {
    public AddToDepartment { users = List.copyOf(users); }
    public OperationKind kind() { return OperationKind.ADD_TO_DEPARTMENT; }
    public String target() { return departmentCode; }
  }

  record RemoveFromDepartment(String departmentCode, List<ExternalId> users) implements Operation {
    public RemoveFromDepartment { users = List.copyOf(users); }
    public OperationKind kind() { return OperationKind.REMOVE_FROM_DEPARTMENT; }
    public String target() { return departmentCode; }
  }

  /** departmentCode null clears the main department. */
  record SetMainDepartment(ExternalId externalId, String departmentCode, String previousDepartmentCode) implements Operation {
    public OperationKind kind() { return OperationKind.SET_MAIN_DEPARTMENT; }
    public String target() { return externalId.value(); }
  }

  /** Blocks the user and forces a logout (reversible). */
  record BlockUser(ExternalId externalId, String userId) implements Operation {
    public OperationKind kind() { return OperationKind.BLOCK_USER; }
    public String target() { return externalId.value(); }
  }

  /** Deletes the user (irreversible; only when configured). */
  record DeleteUser(ExternalId externalId, String userId) implements Operation {
    public OperationKind kind() { return OperationKind.DELETE_USER; }
    public String target() { return externalId.value(); }
  }

  /** Deletes a managed group that left the source, with its memberships (only when configured). */
  record DeleteGroup(String code) implements Operation {
    public OperationKind kind() { return OperationKind.DELETE_GROUP; }
    public String target() { return code; }
  }

  /** Deletes a managed department that left the source; the plan orders children before parents. */
  record DeleteDepartment(String code, String name) implements Operation {
    public OperationKind kind() { return OperationKind.DELETE_DEPARTMENT; }
    public String target() { return code; }
  }
}
