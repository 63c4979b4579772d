package io.dirsync.sync;

import io.dirsync.source.Source;

/** One source of a joined job, by the name its join mapping uses. */
public record NamedSource(String name, Source source, double maxDropPercent) {}
