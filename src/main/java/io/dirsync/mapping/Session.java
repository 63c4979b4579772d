package io.dirsync.mapping;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's mapping. Users become {@link DesiredUser}s as they arrive, joined at once to the group
 * and department entries already seen (sources deliver departments, then groups, then users), so a
 * user is built once and its entry dropped. Group or department entries that arrive after users
 * are joined in {@link #finish()} instead. User entries are mapped on worker threads (mapping is
 * most of a read's CPU) and joined here in the order they arrived, so the result is the same as
 * mapping them one by one. Not thread-safe: one caller.
 */
final class Session implements io.dirsync.mapping.MappingSession {
  private final Rules rules;
  private final UserMapper mapper;
  private final List<SkippedEntry> skipped = new ArrayList<>();
  /** externalIds of user entries that are in the source but could not be mapped. */
  private final Set<ExternalId> unmapped = new TreeSet<>();
  private final Map<ExternalId, DesiredUser> users = new HashMap<>();
  /** Group codes by member DN key, from group entries. */
  private final Map<String, List<String>> groupsOfMember = new HashMap<>();
  private final Map<String, FoundGroup> groups = new LinkedHashMap<>();
  private final Map<String, FoundDepartment> departments = new LinkedHashMap<>();
  private final Map<String, String> departmentByDn = new HashMap<>();
  /** The OU department of each users' parent DN key seen so far (most users share a few hundred OUs). */
  private final Map<String, Optional<String>> ouDepartments = new ConcurrentHashMap<>();
  /** Groups and departments named by user attributes; entries of the same code win. */
  private final Map<String, DesiredGroup> attributeGroups = new HashMap<>();
  private final Map<String, DesiredDepartment> attributeDepartments = new HashMap<>();
  private final ValuePool values = new ValuePool();
  private final Holds holds;
  private final OrderedWork<SourceEntry, MappedEntry> userWork;
  private boolean usersArrived;
  private boolean joinLate;

  Session(Rules rules) {
    this(rules, OrderedWork.workersHere());
  }

  /** @param workers threads that map user entries (1: all on the caller's thread) */
  Session(Rules rules, int workers) {
    this.rules = rules;
    this.mapper = new UserMapper(rules);
    this.holds = new Holds(rules);
    this.userWork = new OrderedWork<>(workers, 2048, this::mapUser, this::joinUser);
  }

  /**
   * A user entry as a worker mapped it. {@code user} is null when the entry could not be mapped;
   * {@code failure} says why (with a user: the model refused the desired user).
   */
  private record MappedEntry(SourceEntry entry, UserMapper.MappedUser user, DesiredUser desired,
      RuntimeException failure, ExternalId unmapped) {}

  private static final MappedEntry OUT_OF_SCOPE = new MappedEntry(null, null, null, null, null);

  private record FoundGroup(DesiredGroup group, String dn) {}

  private record FoundDepartment(String code, String name, String dn, Dn parsed) {}

  @Override
  public void accept(SourceEntry entry) {
    if (entry.kind() == EntryKind.USER) {
      userWork.submit(entry);
      return;
    }
    userWork.drain(); // a group or department changes what users join: the users before it are joined first
    try {
      if (entry.kind() == EntryKind.GROUP) acceptGroup(entry);
      else acceptDepartment(entry);
    } catch (MappingFailure | IllegalArgumentException e) {
      skipped.add(holds.hold(entry, skippedEntry(entry, e))); // still in the source: its group or department must not look gone
    }
  }

  private void skip(SourceEntry entry, RuntimeException e) {
    skipped.add(skippedEntry(entry, e));
  }

  private static SkippedEntry skippedEntry(SourceEntry entry, RuntimeException e) {
    if (e instanceof MappingFailure failure) {
      return new SkippedEntry(entry.dn(), failure.rule() == null ? "mapping" : failure.rule(), e.getMessage());
    }
    // a value the model refuses (the rules should already prevent it): skip, never abort the run
    return new SkippedEntry(entry.dn(), "mapping", e.getMessage());
  }

  /**
   * On a worker thread: everything about one user entry that needs no other user. It reads the
   * group and department indexes, which do not change while users are in flight (see accept).
   */
  private MappedEntry mapUser(SourceEntry entry) {
    Dn dn = Dn.parse(entry.dn());
    UserMapper.MappedUser user;
    try {
      EntryContext context = mapper.context(entry, dn);
      if (!mapper.inScope(context)) return OUT_OF_SCOPE;
      try {
        user = mapper.map(context);
      } catch (MappingFailure e) {
        // a fresh context: an entry that ran out of time still gets its externalId protected from removal
        return new MappedEntry(entry, null, null, e, unmappedId(mapper.context(entry, dn)));
      }
    } catch (MappingFailure | IllegalArgumentException e) {
      return new MappedEntry(entry, null, null, e, null);
    }
    try {
      String key = dn == null ? Dn.key(entry.dn()) : dn.key();
      List<String> joined = groupsOfMember.getOrDefault(key, List.of());
      return new MappedEntry(entry, user, desired(user, joined, dn == null ? null : ouDepartment(dn.parent())), null, null);
    } catch (MappingFailure | IllegalArgumentException e) {
      return new MappedEntry(entry, user, null, e, null);
    }
  }

  /** On the caller's thread, in source order: what depends on the users before this one. */
  private void joinUser(MappedEntry mapped) {
    if (mapped == OUT_OF_SCOPE) return;
    if (mapped.unmapped() != null) unmapped.add(mapped.unmapped());
    UserMapper.MappedUser user = mapped.user();
    if (user == null) {
      skip(mapped.entry(), mapped.failure());
      return;
    }
    DesiredUser earlier = users.get(user.externalId());
    if (earlier != null) {
      skip(mapped.entry(), new MappingFailure("users.externalId",
          "externalId " + MappingFailure.quote(user.externalId()) + " is already used by " + earlier.sourceDn()));
      return;
    }
    if (mapped.failure() != null) {
      skip(mapped.entry(), mapped.failure());
      return;
    }
    usersArrived = true;
    user.groups().names().forEach((code, name) -> attributeGroups.computeIfAbsent(values.code(code),
        c -> new DesiredGroup(c, name, user.groups().descriptions().get(code))));
    user.departments().names().forEach((code, name) -> attributeDepartments.computeIfAbsent(values.code(code),
        c -> new DesiredDepartment(c, name, null, null)));
    users.put(user.externalId(), mapped.desired());
  }

  /** Best effort: an entry without a usable externalId cannot be told apart from a departed user; null then. */
  private ExternalId unmappedId(EntryContext context) {
    try {
      return mapper.externalId(context);
    } catch (MappingFailure | IllegalArgumentException e) {
      return null;
    }
  }

  private void acceptGroup(SourceEntry entry) {
    Rules.CodeRules r = rules.groups().fromEntries();
    if (r == null) return;
    EntryContext context = Contexts.of(entry, null);
    if (!included(r, context)) return;
    String rawCode = code(r, context);
    String name = optional(r.name(), context);
    String description = optional(r.description(), context);
    InputHygiene.checkContainer(r, rawCode, name, description);
    String code = values.code(rawCode);
    FoundGroup earlier = groups.get(code);
    if (earlier != null) throw duplicate(r, "group", code, earlier.dn());
    groups.put(code, new FoundGroup(new DesiredGroup(code, name, description), entry.dn()));
    for (String member : entry.members()) {
      groupsOfMember.computeIfAbsent(Dn.key(member), k -> new ArrayList<>(3)).add(code);
    }
    if (usersArrived) joinLate = true;
  }

  private void acceptDepartment(SourceEntry entry) {
    Rules.CodeRules r = rules.departments().fromEntries();
    Dn dn = Dn.parse(entry.dn());
    if (r == null || dn == null) return;
    if (r.base() != null && (!dn.isUnder(r.base()) || dn.key().equals(r.base().key()))) return;
    EntryContext context = Contexts.of(entry, dn, r.base());
    if (!included(r, context)) return;
    String rawCode = code(r, context);
    String name = optional(r.name(), context);
    if (name == null || name.isBlank()) name = dn.leafValue();
    if (name == null || name.isBlank()) name = rawCode;
    InputHygiene.checkContainer(r, rawCode, name, null);
    String code = values.code(rawCode);
    FoundDepartment earlier = departments.get(code);
    if (earlier != null) throw duplicate(r, "department", code, earlier.dn());
    departments.put(code, new FoundDepartment(code, name, entry.dn(), dn));
    departmentByDn.put(dn.key(), code);
    ouDepartments.clear();
    if (usersArrived) joinLate = true;
  }

  @Override
  public DesiredState finish() {
    try {
      userWork.drain();
    } finally {
      userWork.close();
    }
    Map<String, DesiredDepartment> desiredDepartments = new TreeMap<>();
    for (FoundDepartment d : departments.values()) {
      Holds.Place parent = holds.nearest(d.parsed().parent(), departmentByDn);
      if (parent.unknown()) skipped.add(holds.holdUnder(d.code(), d.dn()));
      else desiredDepartments.put(d.code(), new DesiredDepartment(d.code(), d.name(), parent.code(), d.dn()));
    }
    attributeDepartments.forEach(desiredDepartments::putIfAbsent);
    Map<String, DesiredGroup> desiredGroups = new TreeMap<>();
    groups.values().forEach(g -> desiredGroups.put(g.group().code(), g.group()));
    attributeGroups.forEach(desiredGroups::putIfAbsent);
    List<DesiredUser> out = new ArrayList<>(users.size());
    for (DesiredUser u : users.values()) out.add(joinLate ? rejoined(u) : u);
    if (holds.anyDepartment()) holds.placeUsers(out, departmentByDn);
    users.clear();
    groupsOfMember.clear();
    out.sort(Comparator.comparing(DesiredUser::externalId));
    Set<RoleRef> roles = new TreeSet<>();
    rules.roles().rules().forEach(r -> roles.addAll(r.roles()));
    return new DesiredState(out, List.copyOf(desiredDepartments.values()), List.copyOf(desiredGroups.values()),
        List.copyOf(roles), skipped, rules.groups().createMissing(), rules.roles().createMissing(), unmapped, holds.result());
  }

  private DesiredUser desired(UserMapper.MappedUser u, List<String> joinedGroups, String ouDepartment) {
    TreeSet<String> groupCodes = new TreeSet<>();
    u.groups().names().keySet().forEach(c -> groupCodes.add(values.code(c)));
    groupCodes.addAll(joinedGroups);
    TreeSet<String> departmentCodes = new TreeSet<>();
    u.departments().names().keySet().forEach(c -> departmentCodes.add(values.code(c)));
    String main = ouDepartment != null ? ouDepartment
        : u.departments().codes().isEmpty() ? null : values.code(u.departments().codes().get(0));
    if (ouDepartment != null) departmentCodes.add(ouDepartment);
    return new DesiredUser(u.externalId(), u.dn(), u.fields(), u.policies(), u.customData(),
        groupCodes, new TreeSet<>(u.roles()), departmentCodes, main, u.password());
  }

  /** A user read before some group or department entries: joined to those now. */
  private DesiredUser rejoined(DesiredUser u) {
    Dn dn = Dn.parse(u.sourceDn());
    String key = dn == null ? Dn.key(u.sourceDn()) : dn.key();
    Set<String> groupCodes = new TreeSet<>(u.groups());
    groupCodes.addAll(groupsOfMember.getOrDefault(key, List.of()));
    String ouDepartment = dn == null ? null : nearest(dn.parent(), departmentByDn);
    DesiredUser out = groupCodes.size() == u.groups().size() ? u : u.withGroups(groupCodes);
    if (ouDepartment == null || ouDepartment.equals(u.mainDepartment())) return out;
    Set<String> departmentCodes = new TreeSet<>(u.departments());
    departmentCodes.add(ouDepartment);
    return out.withDepartments(departmentCodes, ouDepartment);
  }

  private String ouDepartment(Dn parent) {
    return ouDepartments.computeIfAbsent(parent.key(), k -> Optional.ofNullable(nearest(parent, departmentByDn))).orElse(null);
  }

  /** The code of the department at {@code dn} or the nearest one above it, or null. */
  private static String nearest(Dn dn, Map<String, String> departmentByDn) {
    for (Dn at = dn; at != null && !at.isEmpty(); at = at.parent()) {
      String code = departmentByDn.get(at.key());
      if (code != null) return code;
    }
    return null;
  }

  static boolean included(Rules.CodeRules r, EntryContext context) {
    try {
      return r.include() == null || r.include().test(context);
    } catch (MappingFailure e) {
      throw e.inRule(r.code().name().replace(".code", ".include"));
    }
  }

  static String code(Rules.CodeRules r, EntryContext context) {
    Object code = r.code().first(context);
    if (code == null) throw new MappingFailure(r.code().name(), "no value for the code");
    try {
      return TargetFields.text(code);
    } catch (MappingFailure e) {
      throw e.inRule(r.code().name());
    }
  }

  private static String optional(ValueRule rule, EntryContext context) {
    if (rule == null) return null;
    Object value = rule.first(context);
    return value == null ? null : Transform.text(value);
  }

  private static MappingFailure duplicate(Rules.CodeRules r, String what, String code, String earlierDn) {
    return new MappingFailure(r.code().name(), what + " code " + MappingFailure.quote(code) + " is already used by " + earlierDn);
  }
}
