package io.dirsync.model;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A report's change rows made when read, from what the run already holds (its plan), instead of
 * held: a first sync of a million users has 1.5 million rows, ~0.3 KB each. {@link RunReport}
 * keeps such a list as it is. Immutable; each {@code get} makes a new row, equal each time.
 */
public abstract class ChangeRows extends AbstractList<ReportedChange> implements RandomAccess {

  /**
   * Users created blocked, of this outcome. This reads every row; a subclass that can tell
   * without making the rows overrides it (the summary, the page and notifications all ask).
   */
  public int createdBlocked(OperationOutcome outcome) {
    return (int) stream().filter(c -> RunReport.isCreatedBlocked(c, outcome)).count();
  }
}
