package io.dirsync.app;

import io.dirsync.config.ConfigException;
import io.dirsync.config.ConfigProblem;
import io.dirsync.config.JobConfig;
import io.dirsync.config.JoinSourceConfig;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.mapping.join.JoinMapping;
import io.dirsync.mapping.join.JoinSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads a job's mapping: its one mapping file, or, for a job with several sources, each entry mapping and the join mapping. */
final class JobMappings {
  private JobMappings() {}

  /** Every problem of every file of the job at once, in one {@link ConfigException}. */
  static Mapping load(JobConfig job, Map<String, String> env) {
    if (!job.joined()) return MappingLoader.load(job.mapping(), env);
    List<ConfigProblem> problems = new ArrayList<>();
    List<JoinSource> sources = new ArrayList<>();
    for (JoinSourceConfig s : job.sources()) {
      try {
        sources.add(new JoinSource(s.name(), ScimTargets.mapping(job.target(), MappingLoader.load(s.mapping(), env)), s.joinKey()));
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) throw new ConfigException(problems);
    return JoinMapping.load(job.mapping(), sources, env);
  }
}
