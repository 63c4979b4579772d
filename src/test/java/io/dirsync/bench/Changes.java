package io.dirsync.bench;

import io.dirsync.directory.Directory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What version 1 of the {@link SyntheticDirectory} changes, and what a change costs at best.
 *
 * <p>Version 1 changes, for N users: the mobile number of every user with {@code i % 200 == 37}
 * (0.5 %: a profile field), the title of every user with {@code i % 200 == 137} (0.5 %: a custom
 * field), the team (OU, hence department) of every user with {@code i % 1000 == 512} (0.1 %), and
 * one of the three groups of every user with {@code i % 1000 == 812} (0.1 %).
 *
 * <p>A <em>real change</em> costs the fewest calls the Authing v2 API can express it in: a created
 * user 1 ({@code createUser}) plus 1 for its custom data ({@code setUdfValue}: {@code createUser}
 * takes no custom data) plus 1 for its main department ({@code setMainDepartment}); a profile change
 * 1; a custom-data change 1; a main-department change 1; a created department or group 1;
 * membership additions and removals 1 per 80 users of one group or department (the API's batch
 * limit). The per-user approach writes one call per user and membership instead of per 80.
 *
 * @param createdUsers users created
 * @param profileChanges users whose profile fields changed
 * @param customDataChanges users whose custom data changed
 * @param moves users moved to another department
 * @param groupSwitches users that left one group for another
 * @param structure departments and groups created
 * @param membershipCalls membership calls at 80 users a call, per group/department and direction
 * @param memberships single-user membership changes (additions plus removals)
 */
record Changes(int users, int createdUsers, int profileChanges, int customDataChanges, int moves, int groupSwitches,
               int structure, long membershipCalls, long memberships) {

  static boolean phoneChanged(int i, int version) {
    return version >= 1 && i % 200 == 37;
  }

  static boolean titleChanged(int i, int version) {
    return version >= 1 && i % 200 == 137;
  }

  static boolean moved(int i, int version) {
    return version >= 1 && i % 1000 == 512;
  }

  static boolean switchedGroup(int i, int version) {
    return version >= 1 && i % 1000 == 812;
  }

  /** The real changes from {@code before} (null = an empty directory) to {@code after}. */
  static Changes between(SyntheticDirectory before, SyntheticDirectory after, int beforeVersion, int afterVersion) {
    Map<String, Integer> adds = new HashMap<>();
    Map<String, Integer> removes = new HashMap<>();
    int created = 0, profile = 0, custom = 0, moves = 0, switches = 0;
    for (int i = 0; i < after.users(); i++) {
      int team = after.teamOf(i);
      int[] groups = after.groupsOf(i);
      if (before == null) {
        created++;
        adds.merge("d" + team, 1, Integer::sum);
        for (int g : groups) adds.merge("g" + g, 1, Integer::sum);
        continue;
      }
      if (phoneChanged(i, afterVersion) != phoneChanged(i, beforeVersion)) profile++;
      if (titleChanged(i, afterVersion) != titleChanged(i, beforeVersion)) custom++;
      int oldTeam = before.teamOf(i);
      if (oldTeam != team) {
        moves++;
        removes.merge("d" + oldTeam, 1, Integer::sum);
        adds.merge("d" + team, 1, Integer::sum);
      }
      int[] oldGroups = before.groupsOf(i);
      boolean switched = false;
      for (int g : oldGroups) if (!has(groups, g)) { removes.merge("g" + g, 1, Integer::sum); switched = true; }
      for (int g : groups) if (!has(oldGroups, g)) { adds.merge("g" + g, 1, Integer::sum); switched = true; }
      if (switched) switches++;
    }
    int structure = before == null ? SyntheticDirectory.DIVISIONS + SyntheticDirectory.TEAMS + SyntheticDirectory.GROUP_COUNT : 0;
    long calls = 0, single = 0;
    for (Map<String, Integer> m : java.util.List.of(adds, removes)) {
      for (int n : m.values()) {
        calls += (n + Directory.MAX_LOOKUP_BATCH - 1) / Directory.MAX_LOOKUP_BATCH;
        single += n;
      }
    }
    return new Changes(after.users(), created, profile, custom, moves, switches, structure, calls, single);
  }

  /** Calls the changes need at best: creates count 3 (user, custom data, main department). */
  long changeCalls() {
    return 3L * createdUsers + profileChanges + customDataChanges + moves + structure + membershipCalls;
  }

  /** ceil(N/80) look-ups plus {@link #changeCalls()}. */
  long lowerBound() {
    return lookUps() + changeCalls();
  }

  /** One find per user, plus one write per user-level change (memberships one user at a time). */
  long perUserApproach() {
    return users + 3L * createdUsers + profileChanges + customDataChanges + moves + structure + memberships;
  }

  long lookUps() {
    return (users + Directory.MAX_LOOKUP_BATCH - 1) / Directory.MAX_LOOKUP_BATCH;
  }

  String describe() {
    if (createdUsers > 0) {
      return String.format(Locale.ROOT, "%,d users created (+ custom data + main department each), %,d departments and groups "
          + "created, %,d memberships in %,d calls of ≤ 80", createdUsers, structure, memberships, membershipCalls);
    }
    if (changeCalls() == 0) return "no change";
    return String.format(Locale.ROOT, "%,d phone changes, %,d title (custom data) changes, %,d department moves, %,d group "
        + "switches (%,d membership changes in %,d calls of ≤ 80)", profileChanges, customDataChanges, moves, groupSwitches,
        memberships, membershipCalls);
  }

  private static boolean has(int[] values, int value) {
    for (int v : values) if (v == value) return true;
    return false;
  }
}
