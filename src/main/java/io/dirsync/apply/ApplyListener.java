package io.dirsync.apply;

/** Told after each operation completes (applied, failed or skipped); called from worker threads. */
@FunctionalInterface
public interface ApplyListener {

  ApplyListener NONE = (done, total) -> { };

  void progress(int done, int total);
}
