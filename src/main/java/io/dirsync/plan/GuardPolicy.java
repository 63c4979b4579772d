package io.dirsync.plan;

/**
 * Limits on destructive plans.
 *
 * @param maxDeletes the most users one run may block or delete
 * @param maxDeletePercent the most users one run may block or delete, as a percentage of managed users
 * @param allowMassDelete lift every limit (the {@code --allow-mass-delete} flag)
 * @param maxRetired the most managed groups, roles and departments one run may retire (revoke or
 *     delete because they left the source)
 */
public record GuardPolicy(int maxDeletes, double maxDeletePercent, boolean allowMassDelete, int maxRetired) {

  /** The default for {@code removal.maxRetired}. */
  public static final int DEFAULT_MAX_RETIRED = 10;

  public GuardPolicy(int maxDeletes, double maxDeletePercent, boolean allowMassDelete) {
    this(maxDeletes, maxDeletePercent, allowMassDelete, DEFAULT_MAX_RETIRED);
  }

  public GuardPolicy {
    if (maxRetired < 0) throw new IllegalArgumentException("maxRetired must be >= 0, was " + maxRetired);
    if (maxDeletes < 0) throw new IllegalArgumentException("maxDeletes must be >= 0, was " + maxDeletes);
    if (!(maxDeletePercent >= 0 && maxDeletePercent <= 100)) {
      throw new IllegalArgumentException("maxDeletePercent must be between 0 and 100, was " + maxDeletePercent);
    }
  }

  public GuardPolicy withAllowMassDelete(boolean allow) {
    return new GuardPolicy(maxDeletes, maxDeletePercent, allow, maxRetired);
  }
}
