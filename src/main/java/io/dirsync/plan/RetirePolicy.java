package io.dirsync.plan;

import io.dirsync.model.ContainerRemoval;

/**
 * What happens to a managed group or department that left the source, after its managed
 * memberships are revoked (roles are always kept: the directory port cannot delete them).
 */
public record RetirePolicy(ContainerRemoval groups, ContainerRemoval departments) {

  /** Groups kept (emptied of managed members), departments deleted: the defaults. */
  public static final RetirePolicy DEFAULT = new RetirePolicy(ContainerRemoval.KEEP, ContainerRemoval.DELETE);

  public RetirePolicy {
    if (groups == null) groups = ContainerRemoval.KEEP;
    if (departments == null) departments = ContainerRemoval.DELETE;
  }
}
