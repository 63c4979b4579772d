package io.dirsync.app;

import java.util.List;

/** What `dirsync check` found, one line per step. */
public record CheckResult(boolean ok, List<String> lines) {
  public CheckResult {
    lines = List.copyOf(lines);
  }
}
