package io.dirsync.source;

import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.function.Consumer;

/**
 * Where users, groups and departments come from (LDAP, Active Directory, an LDIF file). Entries are
 * streamed page by page so memory stays flat however large the source is. Not thread-safe: one run
 * reads one source at a time.
 */
public interface Source extends AutoCloseable {

  /**
   * Streams every in-scope entry of {@code kind} to {@code sink}. Group entries carry their user
   * members, nested groups resolved. Kinds the source is not configured for deliver nothing.
   *
   * @throws SourceException when the source cannot be reached, refuses the bind or the query
   */
  void read(EntryKind kind, Consumer<SourceEntry> sink);

  /** Reaches the source and describes what it found (server, TLS, bind, entries matched). */
  SourceCheck check();

  @Override
  void close();
}
