package io.dirsync.source;

import io.dirsync.model.SourceEntry;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A source that can tell what changed since a saved position, so that a run reads only the changed
 * users (delta sync). Groups and departments are still read whole through {@link Source#read}.
 * Positions belong to one server: a position from another server is refused. Not thread-safe.
 */
public interface DeltaSource {

  /**
   * Where the source stands now. Read before a full read, so that changes made while it runs are
   * delivered again by the next delta.
   *
   * @throws SourceException when the server cannot be asked
   */
  Position position();

  /**
   * Streams the user entries (in scope) changed since {@code since} to {@code sink}, whole, and
   * says which other entries changed or went. Empty when the position is refused (another server,
   * expired, unknown): the caller then reads everything.
   */
  Optional<Changes> changesSince(Position since, Consumer<SourceEntry> sink);

  /**
   * Reads these user entries again (by DN, in scope only) to {@code sink}; returns the DNs not found.
   */
  Set<String> readUsers(Collection<String> dns, Consumer<SourceEntry> sink);

  /** The entry's stable key (AD {@code objectGUID}, OpenLDAP {@code entryUUID}), or null when it has none. */
  String key(SourceEntry entry);

  /**
   * A position in one server's change history.
   *
   * @param server which server it belongs to (a failover to another server means a full run)
   * @param mark the server's position (USN, sync cookie), opaque to callers
   */
  record Position(String server, String mark) {
    public Position {
      if (server == null || mark == null) throw new IllegalArgumentException("server and mark are required");
    }
  }

  /**
   * What changed besides the delivered users.
   *
   * @param touchedKeys keys of entries that changed or were deleted anywhere: a user among them that
   *     was not delivered is no longer a user in scope (deleted, moved out, no longer matched)
   * @param presentKeys when the server listed every unchanged entry in scope instead of naming the
   *     deleted ones (RFC 4533 present phase): those keys; every other user not delivered is gone.
   *     Null otherwise.
   * @param next the position after these changes
   */
  record Changes(Set<String> touchedKeys, Set<String> presentKeys, Position next) {
    public Changes {
      touchedKeys = Set.copyOf(touchedKeys);
      presentKeys = presentKeys == null ? null : Set.copyOf(presentKeys);
    }
  }
}
