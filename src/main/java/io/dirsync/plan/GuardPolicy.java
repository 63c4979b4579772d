package io.dirsync.plan;

/**
 * Limits on destructive plans.
 *
 * @param maxDeletes the most users one run may block or delete
 * @param maxDeletePercent the most users one run may block or delete, as a percentage of managed users
 * @param allowMassDelete lift every limit (the {@code --allow-mass-delete} flag)
 */
public record GuardPolicy(int maxDeletes, double maxDeletePercent, boolean allowMassDelete) {
  public GuardPolicy {
    if (maxDeletes < 0) throw new IllegalArgumentException("maxDeletes must be >= 0, was " + maxDeletes);
    if (!(maxDeletePercent >= 0 && maxDeletePercent <= 100)) {
      throw new IllegalArgumentException("maxDeletePercent must be between 0 and 100, was " + maxDeletePercent);
    }
  }

  public GuardPolicy withAllowMassDelete(boolean allow) {
    return new GuardPolicy(maxDeletes, maxDeletePercent, allow);
  }
}
