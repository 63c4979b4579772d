package io.dirsync.directory.authing;

/** A custom-field definition; {@code dataType} is STRING, NUMBER, DATETIME, BOOLEAN, OBJECT or SELECT. */
public record UdfDefinition(String targetType, String dataType, String key, String label, String options) {}
