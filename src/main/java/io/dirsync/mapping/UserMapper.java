package io.dirsync.mapping;

import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SourceEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Maps one user entry: fields, custom data, password, roles, and groups/departments named by its attributes. */
final class UserMapper {
  private final Rules rules;
  private final Dn departmentBase;

  UserMapper(Rules rules) {
    this.rules = rules;
    this.departmentBase = rules.departments().fromEntries() == null ? null : rules.departments().fromEntries().base();
  }

  /** Whether the entry is a user this mapping manages; throws MappingFailure when a condition fails. */
  boolean inScope(EntryContext entry) {
    Rules.UserRules users = rules.users();
    try {
      if (users.include() != null && !users.include().test(entry)) return false;
    } catch (MappingFailure e) {
      throw e.inRule("users.include");
    }
    try {
      return users.exclude() == null || !users.exclude().test(entry);
    } catch (MappingFailure e) {
      throw e.inRule("users.exclude");
    }
  }

  /** The entry's externalId; throws MappingFailure when it has none. */
  ExternalId externalId(EntryContext entry) {
    Rules.UserRules users = rules.users();
    Object id = users.externalId().first(entry);
    if (id == null) throw new MappingFailure("users.externalId", "no value for the externalId");
    return ExternalId.of(convert(users.externalId().name(), id, TargetFields.Type.STRING).toString().trim());
  }

  EntryContext context(SourceEntry entry) {
    return Contexts.of(entry, departmentBase);
  }

  /** As {@link #context(SourceEntry)} with the entry's DN already parsed. */
  EntryContext context(SourceEntry entry, Dn dn) {
    return Contexts.of(entry, dn, departmentBase);
  }

  /** The user without entry-joined memberships; throws MappingFailure naming the failed rule. */
  MappedUser map(EntryContext entry) {
    Rules.UserRules users = rules.users();
    ExternalId externalId = externalId(entry);
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, FieldPolicy> policies = new HashMap<>();
    for (Rules.FieldRule f : users.fields()) {
      Object value = f.rule().first(entry);
      if (value == null) {
        if (f.required()) throw new MappingFailure(f.rule().name(), "no value, and the field is required");
        continue;
      }
      fields.put(f.field(), convert(f.rule().name(), value, f.type()));
      if (f.policy() != FieldPolicy.FORCE) policies.put(f.field(), f.policy());
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    for (Rules.CustomRule c : users.customData()) {
      Object value = c.rule().first(entry);
      if (value == null) {
        if (c.required()) throw new MappingFailure(c.rule().name(), "no value, and the custom field is required");
        continue;
      }
      try {
        custom.put(c.key(), TargetFields.convert(value, c.type()));
      } catch (MappingFailure e) {
        throw e.inRule(c.rule().name());
      }
    }
    InputHygiene.check(fields, custom);
    ImportedPassword password = password(entry);
    Set<RoleRef> roles = roles(entry);
    CodedNames groups = Contexts.fromAttribute(rules.groups().fromAttribute(), entry);
    CodedNames departments = Contexts.fromAttribute(rules.departments().fromAttribute(), entry);
    return new MappedUser(externalId, entry.entry().dn(), fields, policies, custom, password, roles, groups, departments);
  }

  private ImportedPassword password(EntryContext entry) {
    Rules.PasswordRule rule = rules.users().password();
    if (rule == null) return null;
    Object value = rule.rule().first(entry);
    return value == null ? null : new ImportedPassword(Transform.text(value), rule.keep());
  }

  private Set<RoleRef> roles(EntryContext entry) {
    Set<RoleRef> out = new TreeSet<>();
    for (Rules.RoleRule rule : rules.roles().rules()) {
      try {
        if (rule.when().test(entry)) out.addAll(rule.roles());
      } catch (MappingFailure e) {
        throw e.inRule(rule.name());
      }
    }
    return out;
  }

  private static Object convert(String rule, Object value, TargetFields.Type type) {
    try {
      return TargetFields.convert(value, type);
    } catch (MappingFailure e) {
      throw e.inRule(rule);
    }
  }

  /** Codes with their names, in the order found. */
  record CodedNames(Map<String, String> names, Map<String, String> descriptions) {
    static final CodedNames NONE = new CodedNames(Map.of(), Map.of());

    List<String> codes() {
      return List.copyOf(names.keySet());
    }
  }

  /** A mapped user before the session joins group entries and OU departments. */
  record MappedUser(ExternalId externalId, String dn, Map<String, Object> fields, Map<String, FieldPolicy> policies,
      Map<String, Object> customData, ImportedPassword password, Set<RoleRef> roles, CodedNames groups,
      CodedNames departments) {}
}
