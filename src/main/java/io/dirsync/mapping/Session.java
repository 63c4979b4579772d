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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run's mapping: users are mapped as they arrive; group entries and department entries are
 * remembered and joined to users by DN in {@link #finish()}. Not thread-safe.
 */
final class Session implements io.dirsync.mapping.MappingSession {
  private final Rules rules;
  private final UserMapper mapper;
  private final List<SkippedEntry> skipped = new ArrayList<>();
  /** externalIds of user entries that are in the source but could not be mapped. */
  private final Set<ExternalId> unmapped = new TreeSet<>();
  private final Map<ExternalId, UserMapper.MappedUser> users = new LinkedHashMap<>();
  private final Map<String, ExternalId> userByDn = new HashMap<>();
  private final Map<String, FoundGroup> groups = new LinkedHashMap<>();
  private final Map<String, FoundDepartment> departments = new LinkedHashMap<>();

  Session(Rules rules) {
    this.rules = rules;
    this.mapper = new UserMapper(rules);
  }

  private record FoundGroup(DesiredGroup group, String dn, List<String> memberKeys) {}

  private record FoundDepartment(String code, String name, String dn, Dn parsed) {}

  @Override
  public void accept(SourceEntry entry) {
    try {
      if (entry.kind() == EntryKind.USER) acceptUser(entry);
      else if (entry.kind() == EntryKind.GROUP) acceptGroup(entry);
      else acceptDepartment(entry);
    } catch (MappingFailure e) {
      skipped.add(new SkippedEntry(entry.dn(), e.rule() == null ? "mapping" : e.rule(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      // a value the model refuses (the rules above should already prevent it): skip, never abort the run
      skipped.add(new SkippedEntry(entry.dn(), "mapping", e.getMessage()));
    }
  }

  private void acceptUser(SourceEntry entry) {
    EntryContext context = mapper.context(entry);
    if (!mapper.inScope(context)) return;
    UserMapper.MappedUser user;
    try {
      user = mapper.map(context);
    } catch (MappingFailure e) {
      unmappedId(context);
      throw e;
    }
    UserMapper.MappedUser earlier = users.get(user.externalId());
    if (earlier != null) {
      throw new MappingFailure("users.externalId",
          "externalId " + MappingFailure.quote(user.externalId()) + " is already used by " + earlier.dn());
    }
    users.put(user.externalId(), user);
    userByDn.put(Dn.key(entry.dn()), user.externalId());
  }

  /** Best effort: an entry without a usable externalId cannot be told apart from a departed user. */
  private void unmappedId(EntryContext context) {
    try {
      unmapped.add(mapper.externalId(context));
    } catch (MappingFailure | IllegalArgumentException e) {
      // no externalId to protect
    }
  }

  private void acceptGroup(SourceEntry entry) {
    Rules.CodeRules r = rules.groups().fromEntries();
    if (r == null) return;
    EntryContext context = Contexts.of(entry, null);
    if (!included(r, context)) return;
    String code = code(r, context);
    String name = optional(r.name(), context);
    String description = optional(r.description(), context);
    FoundGroup earlier = groups.get(code);
    if (earlier != null) throw duplicate(r, "group", code, earlier.dn());
    List<String> members = entry.members().stream().map(Dn::key).toList();
    groups.put(code, new FoundGroup(new DesiredGroup(code, name, description), entry.dn(), members));
  }

  private void acceptDepartment(SourceEntry entry) {
    Rules.CodeRules r = rules.departments().fromEntries();
    Dn dn = Dn.parse(entry.dn());
    if (r == null || dn == null) return;
    if (r.base() != null && (!dn.isUnder(r.base()) || dn.key().equals(r.base().key()))) return;
    EntryContext context = Contexts.of(entry, r.base());
    if (!included(r, context)) return;
    String code = code(r, context);
    String name = optional(r.name(), context);
    if (name == null || name.isBlank()) name = dn.leafValue();
    if (name == null || name.isBlank()) name = code;
    FoundDepartment earlier = departments.get(code);
    if (earlier != null) throw duplicate(r, "department", code, earlier.dn());
    departments.put(code, new FoundDepartment(code, name, entry.dn(), dn));
  }

  @Override
  public DesiredState finish() {
    Map<String, String> departmentByDn = new HashMap<>();
    departments.values().forEach(d -> departmentByDn.put(d.parsed().key(), d.code()));
    Map<String, DesiredDepartment> desiredDepartments = new TreeMap<>();
    for (FoundDepartment d : departments.values()) {
      String parent = nearest(d.parsed().parent(), departmentByDn);
      desiredDepartments.put(d.code(), new DesiredDepartment(d.code(), d.name(), parent, d.dn()));
    }
    Map<String, DesiredGroup> desiredGroups = new TreeMap<>();
    Map<ExternalId, Set<String>> memberships = new HashMap<>();
    for (FoundGroup g : groups.values()) {
      desiredGroups.put(g.group().code(), g.group());
      for (String member : g.memberKeys()) {
        ExternalId id = userByDn.get(member);
        if (id != null) memberships.computeIfAbsent(id, k -> new TreeSet<>()).add(g.group().code());
      }
    }
    List<DesiredUser> out = new ArrayList<>();
    for (UserMapper.MappedUser u : users.values()) {
      u.groups().names().forEach((code, name) ->
          desiredGroups.putIfAbsent(code, new DesiredGroup(code, name, u.groups().descriptions().get(code))));
      u.departments().names().forEach((code, name) ->
          desiredDepartments.putIfAbsent(code, new DesiredDepartment(code, name, null, null)));
      out.add(desired(u, memberships.getOrDefault(u.externalId(), Set.of()), departmentByDn));
    }
    out.sort(Comparator.comparing(DesiredUser::externalId));
    Set<RoleRef> roles = new TreeSet<>();
    rules.roles().rules().forEach(r -> roles.addAll(r.roles()));
    return new DesiredState(out, List.copyOf(desiredDepartments.values()), List.copyOf(desiredGroups.values()),
        List.copyOf(roles), skipped, rules.groups().createMissing(), rules.roles().createMissing(), unmapped);
  }

  private DesiredUser desired(UserMapper.MappedUser u, Set<String> joinedGroups, Map<String, String> departmentByDn) {
    Set<String> groupCodes = new TreeSet<>(u.groups().codes());
    groupCodes.addAll(joinedGroups);
    Dn dn = Dn.parse(u.dn());
    String ouDepartment = dn == null ? null : nearest(dn.parent(), departmentByDn);
    Set<String> departmentCodes = new TreeSet<>(u.departments().codes());
    String main = ouDepartment != null ? ouDepartment
        : u.departments().codes().isEmpty() ? null : u.departments().codes().get(0);
    if (ouDepartment != null) departmentCodes.add(ouDepartment);
    return new DesiredUser(u.externalId(), u.dn(), u.fields(), u.policies(), u.customData(),
        new TreeSet<>(groupCodes), new TreeSet<>(u.roles()), new TreeSet<>(departmentCodes), main, u.password());
  }

  /** The code of the department at {@code dn} or the nearest one above it, or null. */
  private static String nearest(Dn dn, Map<String, String> departmentByDn) {
    for (Dn at = dn; at != null && !at.isEmpty(); at = at.parent()) {
      String code = departmentByDn.get(at.key());
      if (code != null) return code;
    }
    return null;
  }

  private static boolean included(Rules.CodeRules r, EntryContext context) {
    try {
      return r.include() == null || r.include().test(context);
    } catch (MappingFailure e) {
      throw e.inRule(r.code().name().replace(".code", ".include"));
    }
  }

  private static String code(Rules.CodeRules r, EntryContext context) {
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
