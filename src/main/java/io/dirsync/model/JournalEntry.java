package io.dirsync.model;

import java.time.Instant;

/** One operation's outcome, journaled as it completes. {@code detail} never holds a secret. */
public record JournalEntry(String runId, OperationKind kind, String target, OperationOutcome outcome, String detail, Instant at) {}
