package io.dirsync.mapping;

import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the variables rules see: an entry's attributes plus dn and ouPath, or one attribute value. */
final class Contexts {
  private Contexts() {}

  /** An entry with {@code dn} and {@code ouPath} (its OU names from the top, below {@code base}, joined by "/"). */
  static EntryContext of(SourceEntry entry, Dn base) {
    return of(entry, Dn.parse(entry.dn()), base);
  }

  /** As {@link #of(SourceEntry, Dn)} with the entry's DN already parsed (null when it is none). */
  static EntryContext of(SourceEntry entry, Dn dn, Dn base) {
    Map<String, Object> extra = new HashMap<>(4);
    extra.put("dn", entry.dn());
    extra.put("oupath", dn == null ? null : emptyToNull(String.join("/", dn.ouPath(base))));
    return new EntryContext(entry, extra);
  }

  /**
   * One value of a user attribute (e.g. a memberOf DN) as an entry of its own: {@code value} is the
   * value; when it is a DN, {@code dn} is that DN and its first RDN is an attribute
   * ({@code CN=Sales,OU=Groups,…} gives {@code cn = Sales}).
   */
  static EntryContext ofValue(String value, TimeLimit entryLimit) {
    Dn dn = Dn.parse(value);
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    Map<String, Object> extra = new HashMap<>();
    extra.put("value", value);
    extra.put("dn", dn == null || dn.isEmpty() ? null : value);
    extra.put("oupath", dn == null || dn.isEmpty() ? null : emptyToNull(String.join("/", dn.ouPath(null))));
    if (dn != null && !dn.isEmpty()) attributes.put(dn.leafType(), List.of(dn.leafValue()));
    return new EntryContext(SourceEntry.of(EntryKind.USER, value, attributes), extra, entryLimit);
  }

  /** The codes and names that {@code rules} derive from the values of a user attribute. */
  static UserMapper.CodedNames fromAttribute(Rules.CodeRules rules, EntryContext user) {
    if (rules == null) return UserMapper.CodedNames.NONE;
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Object raw : user.values(rules.attribute())) {
      EntryContext value = ofValue(Transform.text(raw), user.timeLimit());
      if (rules.include() != null && !test(rules, value)) continue;
      Object code = rules.code().first(value);
      if (code == null) continue;
      String codeText = TargetFields.text(code);
      Object name = rules.name() == null ? null : rules.name().first(value);
      String nameText = name == null ? codeText : Transform.text(name);
      Object description = rules.description() == null ? null : rules.description().first(value);
      String descriptionText = description == null ? null : Transform.text(description);
      InputHygiene.checkContainer(rules, codeText, nameText, descriptionText);
      names.putIfAbsent(codeText, nameText);
      if (descriptionText != null) descriptions.putIfAbsent(codeText, descriptionText);
    }
    return new UserMapper.CodedNames(names, descriptions);
  }

  private static boolean test(Rules.CodeRules rules, EntryContext value) {
    try {
      return rules.include().test(value);
    } catch (MappingFailure e) {
      throw e.inRule(rules.code().name().replace(".code", ".include"));
    }
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
