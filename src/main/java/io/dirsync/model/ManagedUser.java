package io.dirsync.model;

import java.time.Instant;

/**
 * A user dirsync manages, as the state store remembers it.
 *
 * @param externalId the key
 * @param directoryId the directory's id for the user
 * @param appliedHash a hash of what dirsync last applied (fields, custom data, memberships)
 * @param removed whether dirsync blocked the user because it left the source
 * @param lastSeen when dirsync last wrote the record: first matched or created, or changed (a run that
 *     changes nothing about the user does not rewrite it)
 * @param label how plans and reports name the user (username, email, source DN) once it has left the
 *     source; null when this record does not say (saving it then keeps the stored name)
 */
public record ManagedUser(ExternalId externalId, String directoryId, String appliedHash, boolean removed, Instant lastSeen,
    UserLabel label) {
  public ManagedUser {
    if (externalId == null) throw new IllegalArgumentException("externalId is required");
    if (directoryId == null || directoryId.isBlank()) throw new IllegalArgumentException("directoryId is required for " + externalId);
    if (label != null && label.blank()) label = null;
  }

  /** A record that does not name the user (the stored name, if any, is kept). */
  public ManagedUser(ExternalId externalId, String directoryId, String appliedHash, boolean removed, Instant lastSeen) {
    this(externalId, directoryId, appliedHash, removed, lastSeen, null);
  }
}
