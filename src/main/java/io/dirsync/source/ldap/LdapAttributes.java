package io.dirsync.source.ldap;

import io.dirsync.config.LdapSourceConfig;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which attributes each kind of search asks for: what the mapping needs, the configured extras
 * and what the reader itself uses (objectClass, member, memberOf, AD identifiers). When neither the
 * mapping nor the config names any attribute, all user attributes ({@code *}) are fetched.
 */
final class LdapAttributes {
  private static final List<String> AD = List.of("objectGUID", "objectSid", "userAccountControl");

  private final Map<EntryKind, String[]> byKind = new EnumMap<>(EntryKind.class);

  LdapAttributes(LdapSourceConfig config, Map<EntryKind, Set<String>> needed) {
    for (EntryKind kind : EntryKind.values()) {
      Set<String> names = new LinkedHashSet<>();
      Set<String> mapping = needed == null ? Set.of() : needed.getOrDefault(kind, Set.of());
      if (mapping.isEmpty() && config.attributes().isEmpty()) names.add("*");
      names.addAll(mapping);
      names.addAll(config.attributes());
      names.add("objectClass");
      if (config.activeDirectory()) names.addAll(kind == EntryKind.USER ? AD : AD.subList(0, 2));
      else if (config.delta() != null) names.add("entryUUID"); // the key delta sync follows entries by
      switch (kind) {
        case USER -> {
          if (config.groups() != null && config.groups().fromMemberOf()) names.add("memberOf");
        }
        case GROUP -> {
          names.add("cn");
          names.add("description");
          if (config.groups() != null) names.add(config.groups().memberAttribute());
        }
        case DEPARTMENT -> {
          names.add("ou");
          names.add("description");
        }
      }
      byKind.put(kind, dedupe(names));
    }
  }

  String[] forKind(EntryKind kind) {
    return byKind.get(kind).clone();
  }

  /** A department made up from an attribute value (departments.fromAttribute): its DN is the value itself. */
  static SourceEntry departmentFromValue(String value) {
    return SourceEntry.of(EntryKind.DEPARTMENT, value, Map.of("ou", List.of(value), "name", List.of(value)));
  }

  private static String[] dedupe(Set<String> names) {
    Map<String, String> byLower = new java.util.LinkedHashMap<>();
    for (String name : names) byLower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    return byLower.values().toArray(new String[0]);
  }
}
