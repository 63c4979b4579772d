package io.dirsync.plan;

/** Why a plan must not be applied (exit 3), in words a user can act on. */
public record GuardViolation(String reason) {}
