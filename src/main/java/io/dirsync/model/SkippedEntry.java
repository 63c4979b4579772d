package io.dirsync.model;

/** A source entry that could not be mapped, with the rule that failed and why. */
public record SkippedEntry(String dn, String rule, String reason) {}
