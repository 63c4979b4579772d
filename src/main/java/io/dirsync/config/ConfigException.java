package io.dirsync.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config or mapping file that cannot be used; lists every problem found in one pass. */
public class ConfigException extends RuntimeException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public static ConfigException single(String file, String message) {
    return new ConfigException(List.of(new ConfigProblem(file, 1, 1, message)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
