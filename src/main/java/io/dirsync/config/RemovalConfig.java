package io.dirsync.config;

import io.dirsync.model.ContainerRemoval;

/**
 * Users, groups and departments gone from the source, and the guards against mass removal.
 *
 * @param maxDeletes a run that would remove more users than this stops (exit 3)
 * @param maxDeletePercent … or more than this percentage of the managed users
 * @param groups what happens to a managed group that left the source, once its managed members are removed
 * @param departments … to a managed department (deleted children first, or kept)
 * @param maxRetired a run that would retire more managed groups, roles and departments stops (exit 3)
 */
public record RemovalConfig(RemovalAction action, int maxDeletes, double maxDeletePercent, ContainerRemoval groups,
    ContainerRemoval departments, int maxRetired) {

  public static final int DEFAULT_MAX_RETIRED = 10;

  public RemovalConfig {
    if (groups == null) groups = ContainerRemoval.KEEP;
    if (departments == null) departments = ContainerRemoval.DELETE;
  }

  public RemovalConfig(RemovalAction action, int maxDeletes, double maxDeletePercent) {
    this(action, maxDeletes, maxDeletePercent, ContainerRemoval.KEEP, ContainerRemoval.DELETE, DEFAULT_MAX_RETIRED);
  }
}
