package io.dirsync.mapping.join;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.ImportedPassword;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Merges one person's mapped users into one: each field and custom field from the first source in
 * its precedence list that has a value; groups, roles and departments from the first source in
 * their list the person is in; blocked from the day HR says they left.
 */
final class Merger {
  private static final String BLOCKED = "blocked";
  private final JoinRules rules;
  private final LocalDate today;

  Merger(JoinRules rules, LocalDate today) {
    this.rules = rules;
    this.today = today;
  }

  /** The externalId from the first source in {@code externalId} the person is in, or null. */
  ExternalId externalId(Person p) {
    DesiredUser from = first(p, rules.externalId());
    return from == null ? null : from.externalId();
  }

  /** @throws IllegalArgumentException when the person has no externalId source or a bad end date */
  DesiredUser merge(Person p) {
    DesiredUser idSource = first(p, rules.externalId());
    if (idSource == null) {
      throw new IllegalArgumentException("no externalId: not in " + String.join(" or ", rules.externalId()));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, FieldPolicy> policies = new HashMap<>();
    for (String field : names(p, true)) {
      for (String source : rules.field(field)) {
        DesiredUser u = p.users.get(source);
        if (u == null || !u.fields().containsKey(field)) continue;
        fields.put(field, u.fields().get(field));
        if (u.policy(field) != FieldPolicy.FORCE) policies.put(field, u.policy(field));
        break;
      }
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    for (String key : names(p, false)) {
      for (String source : rules.custom(key)) {
        DesiredUser u = p.users.get(source);
        if (u != null && u.customData().containsKey(key)) {
          custom.put(key, u.customData().get(key));
          break;
        }
      }
    }
    String left = leftReason(p);
    if (left != null) {
      fields.put(BLOCKED, Boolean.TRUE);
      policies.remove(BLOCKED);
    }
    DesiredUser groups = first(p, rules.groups());
    DesiredUser roles = first(p, rules.roles());
    DesiredUser departments = first(p, rules.departments());
    return new DesiredUser(idSource.externalId(), idSource.sourceDn(), fields, policies, custom,
        groups == null ? null : new TreeSet<>(groups.groups()),
        roles == null ? null : new TreeSet<>(roles.roles()),
        departments == null ? null : new TreeSet<>(departments.departments()),
        departments == null ? null : departments.mainDepartment(), password(p));
  }

  private String leftReason(Person p) {
    LeaverRule rule = rules.leavers();
    if (rule == null || !p.in(rule.source())) return null;
    LeaverRule.Facts facts = p.facts;
    return facts == null ? null : rule.leftReason(facts, today);
  }

  private ImportedPassword password(Person p) {
    for (String source : rules.order()) {
      DesiredUser u = p.users.get(source);
      if (u != null && u.password() != null) return u.password();
    }
    return null;
  }

  /** Every field (or custom key) any of the person's sources set, in a stable order. */
  private static List<String> names(Person p, boolean fields) {
    TreeSet<String> out = new TreeSet<>();
    p.users.values().forEach(u -> out.addAll(fields ? u.fields().keySet() : u.customData().keySet()));
    return List.copyOf(out);
  }

  private static DesiredUser first(Person p, List<String> order) {
    for (String source : order) {
      DesiredUser u = p.users.get(source);
      if (u != null) return u;
    }
    return null;
  }
}
