package io.dirsync.directory.authing;

/** A policy granted to a target (USER, ROLE, GROUP, ORG, AK_SK). */
public record PolicyAssignment(String code, String targetType, String targetIdentifier) {}
