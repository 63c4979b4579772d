package io.dirsync.state;

/**
 * A held lock on one job: while it is held no other process (here or on another machine) starts a
 * run of that job. The lease is renewed in the background until {@link #close()} releases it.
 */
public interface JobLock extends AutoCloseable {

  /** False once the lease could not be renewed (another process took the job over after it expired). */
  boolean held();

  /** Releases the lock; idempotent, never throws. */
  @Override
  void close();
}
