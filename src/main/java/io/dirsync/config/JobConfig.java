package io.dirsync.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * One sync job: a source, a mapping, a target, and how to apply.
 *
 * @param schedule a Quartz cron expression for schedule mode (may be null: run on demand only)
 * @param sources several sources joined per person (then {@code source} is the first one's
 *     connection and {@code mapping} the join mapping), or empty for a single source
 */
public record JobConfig(
    String name,
    String schedule,
    ZoneId timeZone,
    SourceConfig source,
    Path mapping,
    TargetConfig target,
    RemovalConfig removal,
    ApplyConfig apply,
    java.util.List<JoinSourceConfig> sources) {

  public JobConfig {
    sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
  }

  public JobConfig(String name, String schedule, ZoneId timeZone, SourceConfig source, Path mapping, TargetConfig target,
      RemovalConfig removal, ApplyConfig apply) {
    this(name, schedule, timeZone, source, mapping, target, removal, apply, java.util.List.of());
  }

  /** Whether the job joins several sources. */
  public boolean joined() {
    return !sources.isEmpty();
  }
}
