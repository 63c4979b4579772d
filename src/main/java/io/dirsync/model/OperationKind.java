package io.dirsync.model;

/** Every kind of change a plan can hold, in the order they are applied (by {@link #phase()}). */
public enum OperationKind {
  CREATE_DEPARTMENT(0),
  UPDATE_DEPARTMENT(0),
  CREATE_GROUP(0),
  CREATE_ROLE(0),
  CREATE_USER(1),
  UPDATE_USER(1),
  SET_CUSTOM_DATA(1),
  ADD_TO_GROUP(2),
  REMOVE_FROM_GROUP(2),
  ASSIGN_ROLE(2),
  REVOKE_ROLE(2),
  ADD_TO_DEPARTMENT(2),
  REMOVE_FROM_DEPARTMENT(2),
  SET_MAIN_DEPARTMENT(2),
  BLOCK_USER(3),
  DELETE_USER(3),
  DELETE_GROUP(4),
  DELETE_DEPARTMENT(4);

  private final int phase;

  OperationKind(int phase) {
    this.phase = phase;
  }

  /** 0 departments/groups/roles, 1 users, 2 memberships, 3 blocks and deletes, 4 retired groups and departments. */
  public int phase() {
    return phase;
  }

  /** Whether the change removes or disables a user (subject to the deletion guards). */
  public boolean isRemoval() {
    return this == BLOCK_USER || this == DELETE_USER;
  }

  /** Whether the change deletes a group or department that left the source. */
  public boolean isContainerDeletion() {
    return this == DELETE_GROUP || this == DELETE_DEPARTMENT;
  }
}
