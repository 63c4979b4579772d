package io.dirsync.app;

import java.nio.file.Path;

/** Options of one `sync` run from the command line. */
public record SyncOptions(boolean dryRun, Path reportFile, boolean allowMassDelete) {}
