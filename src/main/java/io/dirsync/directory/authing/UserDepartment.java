package io.dirsync.directory.authing;

/** A user's membership of a department. */
public record UserDepartment(Node department, boolean isMainDepartment, String joinedAt) {}
