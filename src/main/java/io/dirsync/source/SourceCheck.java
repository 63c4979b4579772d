package io.dirsync.source;

import java.util.List;

/**
 * The result of {@link Source#check()}: one line per step an operator can act on.
 *
 * @param ok whether every step passed
 * @param steps e.g. "connected to ldaps://dc1:636 (TLS 1.3)", "bound as cn=sync,…", "312 users match"
 */
public record SourceCheck(boolean ok, List<String> steps) {
  public SourceCheck {
    steps = List.copyOf(steps);
  }
}
