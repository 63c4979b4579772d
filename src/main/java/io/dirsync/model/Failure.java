package io.dirsync.model;

/** An operation that failed, with the reason in words (never a secret). */
public record Failure(OperationKind kind, String target, String reason) {}
