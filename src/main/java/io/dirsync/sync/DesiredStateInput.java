package io.dirsync.sync;

import io.dirsync.model.DesiredState;
import java.util.Map;
import java.util.Set;

/** Where a run's desired state comes from: one source through its mapping, or several joined. */
interface DesiredStateInput {

  Reading read(SyncListener listener);

  /** Role namespaces the mapping assigns roles in. */
  Set<String> roleNamespaces();

  /**
   * The desired state, the user entries each named source delivered (empty for a single source), and
   * the group and department entries the source delivered (empty when not counted).
   */
  record Reading(DesiredState state, Map<String, Integer> usersPerSource, Map<io.dirsync.model.EntryKind, Integer> entries) {
    public Reading {
      usersPerSource = Map.copyOf(usersPerSource);
      entries = entries == null ? Map.of() : Map.copyOf(entries);
    }

    public Reading(DesiredState state, Map<String, Integer> usersPerSource) {
      this(state, usersPerSource, Map.of());
    }
  }
}
