package io.dirsync.mapping;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.HeldContainers;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The group and department entries a session skipped, and what each holds for the run (see
 * {@link HeldContainers}): a skipped entry is still in the source, so its group or department must
 * not look gone. Its code is worked out again on a fresh context (a time limit starts anew); when
 * even that fails the code is unknown, and the hold covers every group (or department) that would
 * otherwise retire. Not thread-safe: the session's one caller.
 */
final class Holds {
  private final Rules rules;
  private final Set<String> groups = new TreeSet<>();
  private boolean unknownGroup;
  private final Set<String> departments = new TreeSet<>();
  private boolean unknownDepartment;
  /** The OUs of held departments by DN key; the value is null when the code is unknown. */
  private final Map<String, String> departmentDns = new HashMap<>();
  private final Set<ExternalId> users = new TreeSet<>();

  Holds(Rules rules) {
    this.rules = rules;
  }

  /**
   * Records the skipped group or department {@code entry}; returns {@code skip} with what is held
   * added to its reason (unchanged when the entry is not one the mapping takes groups or departments from).
   */
  SkippedEntry hold(SourceEntry entry, SkippedEntry skip) {
    return entry.kind() == EntryKind.GROUP ? holdGroup(entry, skip) : holdDepartment(entry, skip);
  }

  private SkippedEntry holdGroup(SourceEntry entry, SkippedEntry skip) {
    Rules.CodeRules r = rules.groups().fromEntries();
    if (r == null) return skip;
    EntryContext context = Contexts.of(entry, null);
    if (!mayBeIncluded(r, context)) return skip;
    String code = codeOrNull(r, context);
    if (code == null) {
      unknownGroup = true;
      return with(skip, "its group code cannot be determined, so this run retires no group and removes nobody from a group"
          + " outside the source");
    }
    groups.add(code);
    return with(skip, "group " + MappingFailure.quote(code) + " is held this run: not created, changed or retired, and"
        + " nobody's membership in it changes");
  }

  private SkippedEntry holdDepartment(SourceEntry entry, SkippedEntry skip) {
    Rules.CodeRules r = rules.departments().fromEntries();
    Dn dn = Dn.parse(entry.dn());
    if (r == null || dn == null) return skip;
    if (r.base() != null && (!dn.isUnder(r.base()) || dn.key().equals(r.base().key()))) return skip;
    EntryContext context = Contexts.of(entry, dn, r.base());
    if (!mayBeIncluded(r, context)) return skip;
    String code = codeOrNull(r, context);
    departmentDns.put(dn.key(), code);
    if (code == null) {
      unknownDepartment = true;
      return with(skip, "its department code cannot be determined, so this run retires no department and removes nobody"
          + " from a department; users under it keep their departments");
    }
    departments.add(code);
    return with(skip, "department " + MappingFailure.quote(code) + " is held this run: not created, changed, moved or"
        + " retired, and users under it keep their departments");
  }

  /** A department whose OU sits under a held OU of unknown code: its parent is unknown, so it is held too. */
  SkippedEntry holdUnder(String code, String dn) {
    departments.add(code);
    return new SkippedEntry(dn, "departments.fromEntries",
        "department " + MappingFailure.quote(code) + " is held this run: the OU above it could not be mapped, so its parent"
            + " is unknown; users under it keep their departments");
  }

  boolean anyDepartment() {
    return !departmentDns.isEmpty() || !departments.isEmpty();
  }

  /**
   * The nearest department at or above {@code dn}, among the mapped ones ({@code departmentByDn})
   * and the held ones: its code (null when it is held with an unknown code, or when there is none)
   * and whether it is held.
   */
  Place nearest(Dn dn, Map<String, String> departmentByDn) {
    for (Dn at = dn; at != null && !at.isEmpty(); at = at.parent()) {
      String key = at.key();
      if (departmentDns.containsKey(key)) return new Place(departmentDns.get(key), true);
      String code = departmentByDn.get(key);
      if (code != null) return new Place(code, departments.contains(code));
    }
    return new Place(null, false);
  }

  record Place(String code, boolean held) {
    boolean unknown() {
      return held && code == null;
    }
  }

  /** Records the users whose entry sits under a held OU. */
  void placeUsers(Collection<DesiredUser> mapped, Map<String, String> departmentByDn) {
    for (DesiredUser u : mapped) {
      Dn dn = Dn.parse(u.sourceDn());
      if (dn != null && nearest(dn.parent(), departmentByDn).held()) users.add(u.externalId());
    }
  }

  HeldContainers result() {
    return new HeldContainers(groups, unknownGroup, departments, unknownDepartment, users);
  }

  /** Whether the entry might be in scope: an include condition that fails cannot rule it out. */
  private static boolean mayBeIncluded(Rules.CodeRules r, EntryContext context) {
    try {
      return Session.included(r, context);
    } catch (MappingFailure | IllegalArgumentException e) {
      return true;
    }
  }

  /** The entry's code as the session would use it, or null when it cannot be worked out. */
  private static String codeOrNull(Rules.CodeRules r, EntryContext context) {
    try {
      String code = Session.code(r, context);
      InputHygiene.check(r.code().name(), code, InputHygiene.MAX_FIELD);
      return code;
    } catch (MappingFailure | IllegalArgumentException e) {
      return null;
    }
  }

  private static SkippedEntry with(SkippedEntry skip, String held) {
    return new SkippedEntry(skip.dn(), skip.rule(), skip.reason() + "; " + held);
  }
}
