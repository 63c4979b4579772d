package io.dirsync.config;

/**
 * Users gone from the source, and the guards against mass removal.
 *
 * @param maxDeletes a run that would remove more users than this stops (exit 3)
 * @param maxDeletePercent … or more than this percentage of the managed users
 */
public record RemovalConfig(RemovalAction action, int maxDeletes, double maxDeletePercent) {}
