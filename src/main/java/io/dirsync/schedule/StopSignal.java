package io.dirsync.schedule;

/** Polled by a running job between operations: when it says stop, finish the current operation and return. */
@FunctionalInterface
public interface StopSignal {

  /** True once the scheduler is shutting down (SIGTERM, {@link DirsyncScheduler#stop()}). Thread-safe. */
  boolean stopRequested();

  /** A signal that never asks to stop (for runs started outside the scheduler). */
  StopSignal NEVER = () -> false;
}
