package io.dirsync.directory.authing;

import java.util.List;

/** A resource a user may act on, directly or through roles, groups and departments. */
public record AuthorizedResource(String code, String type, List<String> actions, String apiIdentifier) {
  public AuthorizedResource {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }
}
