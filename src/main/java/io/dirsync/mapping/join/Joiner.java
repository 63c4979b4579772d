package io.dirsync.mapping.join;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.HeldContainers;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins the per-source desired states by key: who counts (the required sources), records that do
 * not join, ambiguous keys and entries that failed mapping, then one merged user per person.
 */
final class Joiner {
  static final String RULE = "join";
  private final JoinRules rules;
  private final Merger merger;

  Joiner(JoinRules rules, LocalDate today) {
    this.rules = rules;
    this.merger = new Merger(rules, today);
  }

  JoinResult join(Map<String, JoinSession.PerSource> sources, Map<String, DesiredState> states, Map<String, Integer> counts) {
    Map<String, Person> people = people(sources, states);
    List<SkippedEntry> skipped = new ArrayList<>();
    List<SkippedEntry> unjoined = new ArrayList<>();
    Set<ExternalId> keep = new TreeSet<>();
    rules.externalId().forEach(s -> keep.addAll(states.get(s).unmappedUsers()));
    states.values().forEach(s -> skipped.addAll(s.skipped()));
    List<DesiredUser> users = new ArrayList<>();
    Set<ExternalId> taken = new HashSet<>();
    Set<ExternalId> placementHeld = new TreeSet<>();
    for (Person p : people.values()) {
      List<String> ambiguous = p.dns.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
      if (!ambiguous.isEmpty() || !p.failed.isEmpty()) {
        String why = !ambiguous.isEmpty() ? "is used by more than one entry in " + String.join(", ", ambiguous)
            : "has an entry that could not be mapped in " + String.join(", ", p.failed);
        skipped.add(new SkippedEntry(p.firstDn(), RULE, "key \"" + p.key + "\" " + why + " (" + p.where() + "); person skipped"));
        ExternalId id = merger.externalId(p);
        if (id != null) keep.add(id);
        continue;
      }
      List<String> missing = sources.keySet().stream().filter(s -> !p.in(s)).toList();
      List<String> missingRequired = missing.stream().filter(rules.require()::contains).toList();
      if (!missingRequired.isEmpty()) {
        SkippedEntry line = unjoined(p, missing, "skipped: every user must be in " + String.join(" and ", new TreeSet<>(rules.require())));
        unjoined.add(line);
        skipped.add(line);
        continue;
      }
      DesiredUser user;
      try {
        user = merger.merge(p);
      } catch (IllegalArgumentException e) {
        skipped.add(new SkippedEntry(p.firstDn(), RULE, "key \"" + p.key + "\": " + e.getMessage() + "; person skipped"));
        ExternalId id = merger.externalId(p);
        if (id != null) keep.add(id);
        continue;
      }
      if (!taken.add(user.externalId())) {
        skipped.add(new SkippedEntry(p.firstDn(), RULE, "key \"" + p.key + "\": externalId " + user.externalId()
            + " is already used by another person; person skipped"));
        continue;
      }
      if (!missing.isEmpty()) {
        SkippedEntry line = unjoined(p, missing, "synced from " + String.join(" and ", p.users.keySet()) + " alone");
        unjoined.add(line);
        skipped.add(line);
      }
      users.add(user);
      if (placementHeld(p, states)) placementHeld.add(user.externalId());
    }
    users.sort(Comparator.comparing(DesiredUser::externalId));
    DesiredState state = new DesiredState(users, departments(states), groups(states), roles(states), skipped,
        rules.groups().stream().anyMatch(s -> states.get(s).createMissingGroups()),
        rules.roles().stream().anyMatch(s -> states.get(s).createMissingRoles()), keep, held(states, placementHeld));
    return new JoinResult(state, counts, unjoined);
  }

  private static SkippedEntry unjoined(Person p, List<String> missing, String outcome) {
    return new SkippedEntry(p.firstDn(), RULE, "key \"" + p.key + "\" only in " + p.where() + ", not in "
        + String.join(" or ", missing) + "; " + outcome);
  }

  /** People by normalised key; an entry without a key is a person of its own (it cannot join). */
  private static Map<String, Person> people(Map<String, JoinSession.PerSource> sources, Map<String, DesiredState> states) {
    Map<String, Person> people = new TreeMap<>();
    sources.forEach((name, s) -> {
      Map<String, String> seen = new LinkedHashMap<>(s.keyByDn);
      for (DesiredUser u : states.get(name).users()) {
        Person p = person(people, name, u.sourceDn(), s.keyByDn.get(u.sourceDn()));
        p.users.put(name, u);
        LeaverRule.Facts facts = s.factsByDn.get(u.sourceDn());
        if (facts != null) p.facts = facts;
        p.found(name, u.sourceDn());
        seen.remove(u.sourceDn());
      }
      for (SkippedEntry e : states.get(name).skipped()) {
        String key = seen.remove(e.dn());
        if (key == null) continue; // a group or department entry, or one without a key: it is reported as skipped already
        Person p = person(people, name, e.dn(), key);
        p.failed.add(name);
        p.found(name, e.dn());
      }
    });
    return people;
  }

  private static Person person(Map<String, Person> people, String source, String dn, String key) {
    if (key == null) return people.computeIfAbsent("\u0000" + source + ":" + dn, k -> new Person("(no " + "key) " + dn));
    return people.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new Person(key));
  }

  /** Whether the person's departments come from an entry under an OU its source holds. */
  private boolean placementHeld(Person p, Map<String, DesiredState> states) {
    for (String s : rules.departments()) {
      DesiredUser u = p.users.get(s);
      if (u != null) return states.get(s).held().users().contains(u.externalId());
    }
    return false;
  }

  /** What the sources that give groups and departments hold, as the merge takes them. */
  private HeldContainers held(Map<String, DesiredState> states, Set<ExternalId> placementHeld) {
    Set<String> groups = new TreeSet<>();
    Set<String> departments = new TreeSet<>();
    rules.groups().forEach(s -> groups.addAll(states.get(s).held().groups()));
    rules.departments().forEach(s -> departments.addAll(states.get(s).held().departments()));
    return new HeldContainers(groups, rules.groups().stream().anyMatch(s -> states.get(s).held().unknownGroup()),
        departments, rules.departments().stream().anyMatch(s -> states.get(s).held().unknownDepartment()), placementHeld);
  }

  private List<DesiredDepartment> departments(Map<String, DesiredState> states) {
    Map<String, DesiredDepartment> out = new TreeMap<>();
    rules.departments().forEach(s -> states.get(s).departments().forEach(d -> out.putIfAbsent(d.code(), d)));
    return List.copyOf(out.values());
  }

  private List<DesiredGroup> groups(Map<String, DesiredState> states) {
    Map<String, DesiredGroup> out = new TreeMap<>();
    rules.groups().forEach(s -> states.get(s).groups().forEach(g -> out.putIfAbsent(g.code(), g)));
    return List.copyOf(out.values());
  }

  private List<RoleRef> roles(Map<String, DesiredState> states) {
    Set<RoleRef> out = new TreeSet<>();
    rules.roles().forEach(s -> out.addAll(states.get(s).roles()));
    return List.copyOf(out);
  }
}
