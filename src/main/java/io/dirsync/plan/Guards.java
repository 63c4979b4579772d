package io.dirsync.plan;

import io.dirsync.model.Plan;
import java.util.Locale;
import java.util.Optional;

/** The safety checks run before anything destructive is applied. Pure. */
public final class Guards {

  private Guards() {}

  /**
   * A violation when the source delivered no users while dirsync manages some, when the plan
   * removes (blocks or deletes) more than {@code maxDeletes} users, or more than
   * {@code maxDeletePercent} % of the managed users, or retires (revokes or deletes) more than
   * {@code maxRetired} managed groups, roles and departments that left the source; none when
   * {@code allowMassDelete}.
   */
  public static Optional<GuardViolation> check(Plan plan, GuardPolicy policy, int managedCount) {
    return check(plan, policy, managedCount, plan.sourceUsers());
  }

  /** As above, with the users the source holds given apart (a delta run's plan covers only the changed ones). */
  public static Optional<GuardViolation> check(Plan plan, GuardPolicy policy, int managedCount, int sourceUsers) {
    if (policy.allowMassDelete()) return Optional.empty();
    long removals = plan.removals();
    if (sourceUsers == 0 && managedCount > 0) {
      return violation("the source returned no users while dirsync manages " + managedCount
          + "; refusing to apply (" + removals + " removal(s) planned)");
    }
    if (removals > policy.maxDeletes()) {
      return violation("the plan removes " + removals + " users, more than maxDeletes " + policy.maxDeletes());
    }
    double limit = managedCount * policy.maxDeletePercent() / 100.0;
    if (removals > limit) {
      return violation(String.format(Locale.ROOT, "the plan removes %d of %d managed users (%.1f%%), more than maxDeletePercent %s%%",
          removals, managedCount, managedCount == 0 ? 100.0 : removals * 100.0 / managedCount, trim(policy.maxDeletePercent())));
    }
    if (plan.retired().size() > policy.maxRetired()) {
      return violation("the plan retires " + plan.retired().size() + " groups, roles and departments that left the source ("
          + String.join(", ", plan.retired().subList(0, Math.min(5, plan.retired().size())))
          + (plan.retired().size() > 5 ? ", …" : "") + "), more than maxRetired " + policy.maxRetired());
    }
    return Optional.empty();
  }

  private static Optional<GuardViolation> violation(String reason) {
    return Optional.of(new GuardViolation(reason + "; rerun with --allow-mass-delete if this is intended"));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
