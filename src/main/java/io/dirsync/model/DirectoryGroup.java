package io.dirsync.model;

/** A group as the directory holds it. */
public record DirectoryGroup(String code, String name, String description) {}
