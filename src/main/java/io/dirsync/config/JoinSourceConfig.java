package io.dirsync.config;

import java.nio.file.Path;

/**
 * One of several sources of a job ({@code sources:}), joined per person by the job's join mapping.
 *
 * @param name how the join mapping names this source (e.g. {@code hr}, {@code ad})
 * @param connection where its entries come from (the same keys as a single {@code source:})
 * @param mapping this source's entry mapping (an ordinary mapping file)
 * @param joinKey the attribute whose value identifies the person across sources (e.g. {@code employeeID})
 * @param maxDropPercent a run stops (exit 3) when this source delivers this much fewer users than
 *     in the last run that was not stopped; a source delivering no users always stops it
 */
public record JoinSourceConfig(String name, SourceConfig connection, Path mapping, String joinKey, double maxDropPercent) {}
