package io.dirsync.directory.authing;

/** An Authing group; {@code code} is its unique key. */
public record Group(String code, String name, String description, String createdAt, String updatedAt) {}
