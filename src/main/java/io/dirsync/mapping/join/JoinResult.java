package io.dirsync.mapping.join;

import io.dirsync.model.DesiredState;
import io.dirsync.model.SkippedEntry;
import java.util.List;
import java.util.Map;

/**
 * What a join produced.
 *
 * @param state the joined desired state (unjoined records are among its skipped entries too)
 * @param usersPerSource user entries each source delivered, by source name (for the size guards)
 * @param unjoined one line per person missing from some source: key, where it was found, and
 *     whether it was skipped or synced from the sources it is in
 */
public record JoinResult(DesiredState state, Map<String, Integer> usersPerSource, List<SkippedEntry> unjoined) {
  public JoinResult {
    usersPerSource = Map.copyOf(usersPerSource);
    unjoined = List.copyOf(unjoined);
  }
}
