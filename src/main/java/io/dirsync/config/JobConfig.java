package io.dirsync.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * One sync job: a source, a mapping, a target, and how to apply.
 *
 * @param schedule a Quartz cron expression for schedule mode (may be null: run on demand only)
 */
public record JobConfig(
    String name,
    String schedule,
    ZoneId timeZone,
    SourceConfig source,
    Path mapping,
    TargetConfig target,
    RemovalConfig removal,
    ApplyConfig apply) {}
