package io.dirsync.model;

import java.time.Instant;

/** One row of run history, as {@code dirsync runs} lists it. finishedAt and outcome are null while it runs. */
public record RunSummary(
    String runId,
    String job,
    boolean dryRun,
    Instant startedAt,
    Instant finishedAt,
    RunOutcome outcome,
    int changes,
    int failures,
    long apiCalls,
    String message) {}
