package io.dirsync.directory.authing;

/** A permission namespace (roles live in one). */
public record Namespace(long id, String code, String name, String description) {}
