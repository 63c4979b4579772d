package io.dirsync.app;

import java.nio.file.Path;

/** Options of one `sync` run from the command line ({@code full}: a full run even with delta sync). */
public record SyncOptions(boolean dryRun, Path reportFile, boolean allowMassDelete, boolean full) {
  public SyncOptions(boolean dryRun, Path reportFile, boolean allowMassDelete) {
    this(dryRun, reportFile, allowMassDelete, false);
  }
}
