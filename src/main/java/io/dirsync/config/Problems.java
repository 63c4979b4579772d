package io.dirsync.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one or more files so they can all be reported at once. Not thread-safe. */
public final class Problems {
  private final List<ConfigProblem> problems = new ArrayList<>();

  public void add(ConfigProblem problem) {
    problems.add(problem);
  }

  public void add(YamlNode where, String message) {
    add(new ConfigProblem(where.file(), where.line(), where.column(), message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<ConfigProblem> list() {
    return List.copyOf(problems);
  }

  /** Throws a {@link ConfigException} listing everything collected, if anything was. */
  public void throwIfAny() {
    if (!problems.isEmpty()) throw new ConfigException(problems);
  }
}
