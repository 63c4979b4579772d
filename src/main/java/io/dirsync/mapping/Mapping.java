package io.dirsync.mapping;

import io.dirsync.model.EntryKind;
import java.util.Set;

/** A loaded, validated mapping (rules compiled once). Thread-safe; sessions are not. */
public interface Mapping {

  /** A fresh session for one run. */
  MappingSession newSession();

  /** The source attributes the rules read for entries of this kind (so the source asks only for those). */
  Set<String> attributes(EntryKind kind);

  /** Role namespaces the rules assign roles in (so look-ups fetch memberships in those). */
  Set<String> roleNamespaces();
}
