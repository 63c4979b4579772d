package io.dirsync.apply;

import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedUser;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Journal rows and managed users of an apply, written to the state store in batched transactions:
 * when {@value #MAX_PENDING} rows wait, when the oldest has waited {@link #MAX_WAIT}, at the end
 * of each step and of the apply. One commit per batch instead of one per operation is what keeps
 * dirsync's CPU per applied call low. A crash loses at most the rows of one unwritten batch; the
 * next run finds those users by externalId and records them then. Thread-safe.
 */
final class StateBuffer {
  static final int MAX_PENDING = 500;
  static final Duration MAX_WAIT = Duration.ofSeconds(1);

  private final StateStore state;
  private final String job;
  private final Clock clock;
  private List<JournalEntry> journal = new ArrayList<>();
  private List<ManagedUser> managed = new ArrayList<>();
  private Instant oldest;
  private final Object writing = new Object();

  StateBuffer(StateStore state, String job, Clock clock) {
    this.state = state;
    this.job = job;
    this.clock = clock;
  }

  /** Queues a journal row; may write a batch (and throw what the store throws). */
  void journal(JournalEntry entry) {
    List<JournalEntry> j;
    List<ManagedUser> m;
    synchronized (this) {
      journal.add(entry);
      if (!due()) return;
      j = journal;
      m = managed;
      reset();
    }
    write(j, m);
  }

  /** Queues a managed user; written with the next batch. */
  synchronized void managed(ManagedUser user) {
    if (oldest == null) oldest = clock.instant();
    managed.add(user);
  }

  /** Writes whatever waits. */
  void flush() {
    List<JournalEntry> j;
    List<ManagedUser> m;
    synchronized (this) {
      j = journal;
      m = managed;
      reset();
    }
    write(j, m);
  }

  private boolean due() {
    if (oldest == null) oldest = clock.instant();
    return journal.size() + managed.size() >= MAX_PENDING
        || !clock.instant().isBefore(oldest.plus(MAX_WAIT));
  }

  private void reset() {
    journal = new ArrayList<>();
    managed = new ArrayList<>();
    oldest = null;
  }

  // Managed users first: a journal row saying "applied" must not outlive the record of what was applied.
  // One batch written at a time: apply threads queue here rather than on the store's connection pool,
  // whose timeout a loaded machine reached with 17 writers waiting (100,000-user v3 first sync).
  private void write(List<JournalEntry> j, List<ManagedUser> m) {
    synchronized (writing) {
      if (!m.isEmpty()) state.saveManaged(job, m);
      if (!j.isEmpty()) state.journal(j);
    }
  }
}
