package io.dirsync.config;

/** The state store: a JDBC URL (H2 file by default, PostgreSQL in production). */
public record StateConfig(String url, String user, Secret password, String schema) {}
