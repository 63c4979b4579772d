package io.dirsync.app;

import io.dirsync.config.ConfigException;
import io.dirsync.config.ConfigProblem;
import io.dirsync.config.DirsyncConfig;
import io.dirsync.config.JobConfig;
import io.dirsync.config.Problems;
import io.dirsync.config.YamlFile;
import io.dirsync.config.YamlNode;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads a job's mapping. A mapping file that is not there is reported at the config line that
 * names it — where the fix goes — not at line 1 of a file that does not exist.
 */
final class MappingFiles {
  private MappingFiles() {}

  static Mapping load(DirsyncConfig config, JobConfig job, Map<String, String> env) {
    if (job.mapping() != null && !Files.isRegularFile(job.mapping())) throw missing(config, job, env);
    return job.joined() ? JobMappings.load(job, env) : ScimTargets.mapping(job.target(), MappingLoader.load(job.mapping(), env));
  }

  private static ConfigException missing(DirsyncConfig config, JobConfig job, Map<String, String> env) {
    String message = "mapping file " + job.mapping() + " not found (job " + job.name() + ")";
    Path file = config.file();
    try {
      YamlNode jobs = YamlFile.load(file, env, new Problems()).get("jobs");
      List<YamlNode> items = jobs == null ? List.of() : jobs.items();
      for (int i = 0; i < items.size(); i++) {
        YamlNode name = items.get(i).get("name");
        YamlNode mapping = items.get(i).get("mapping");
        if (name != null && job.name().equals(name.asText()) && mapping != null) {
          return new ConfigException(List.of(new ConfigProblem(file.toString(), mapping.line(), mapping.column(),
              mapping.path() + ": " + message)));
        }
      }
    } catch (RuntimeException e) {
      // the config was read once already; if it cannot be again, name the file without a line
    }
    return ConfigException.single(file.toString(), message);
  }
}
