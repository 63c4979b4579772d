package io.dirsync.mapping;

import io.dirsync.model.DesiredState;
import io.dirsync.model.SourceEntry;

/**
 * Maps the entries of one run. Pure: no I/O, no clock. Entries may arrive in any order (users,
 * groups and departments are joined in {@link #finish()}). An entry that cannot be mapped is not an
 * error: it is listed in {@link DesiredState#skipped()} with its DN and the rule that failed.
 */
public interface MappingSession {

  void accept(SourceEntry entry);

  DesiredState finish();
}
