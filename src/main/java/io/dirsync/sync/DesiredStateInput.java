package io.dirsync.sync;

import io.dirsync.model.DesiredState;
import java.util.Map;
import java.util.Set;

/** Where a run's desired state comes from: one source through its mapping, or several joined. */
interface DesiredStateInput {

  Reading read(SyncListener listener);

  /** Role namespaces the mapping assigns roles in. */
  Set<String> roleNamespaces();

  /** The desired state, and the user entries each named source delivered (empty for a single source). */
  record Reading(DesiredState state, Map<String, Integer> usersPerSource) {
    public Reading {
      usersPerSource = Map.copyOf(usersPerSource);
    }
  }
}
