package io.dirsync.directory.authing;

/** An Authing role, unique by namespace and code; {@code parent} is null when it has none or was not asked for. */
public record Role(String id, String namespace, String code, String arn, String description, String createdAt, String updatedAt, Role parent) {}
