package io.dirsync.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * Groups and departments whose source entries the mapping skipped this run (a control character
 * in a description, a rule that failed, the time limit…). Such an entry is still in the source, so,
 * as with a skipped user, nobody loses anything because of it: the planner creates, changes, moves
 * and retires none of them, and adds or removes no membership in them.
 *
 * @param groups codes of held groups
 * @param unknownGroup a skipped group entry's code could not be determined: no group is retired and
 *     no membership is removed from a group outside the desired state this run
 * @param departments codes of held departments
 * @param unknownDepartment a skipped department entry's code could not be determined: no department
 *     is retired and no department membership is removed this run
 * @param users externalIds of users whose entry sits under a held OU: their departments and main
 *     department stay as the directory holds them (they are not moved to the department above)
 */
public record HeldContainers(Set<String> groups, boolean unknownGroup, Set<String> departments, boolean unknownDepartment,
    Set<ExternalId> users) {

  public static final HeldContainers NONE = new HeldContainers(Set.of(), false, Set.of(), false, Set.of());

  public HeldContainers {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    departments = departments == null ? Set.of() : Set.copyOf(departments);
    users = users == null ? Set.of() : Set.copyOf(users);
  }

  public boolean isEmpty() {
    return groups.isEmpty() && !unknownGroup && departments.isEmpty() && !unknownDepartment && users.isEmpty();
  }

  /** The held codes as containers (no roles: roles come from rules, not entries). */
  public ManagedContainers codes() {
    return new ManagedContainers(groups, Set.of(), departments);
  }

  /** Those of {@code managed} that must not retire this run: the held ones, or all of a kind whose held code is unknown. */
  public ManagedContainers kept(ManagedContainers managed) {
    Set<String> g = new TreeSet<>(managed.groups());
    if (!unknownGroup) g.retainAll(groups);
    Set<String> d = new TreeSet<>(managed.departments());
    if (!unknownDepartment) d.retainAll(departments);
    return new ManagedContainers(g, Set.of(), d);
  }
}
