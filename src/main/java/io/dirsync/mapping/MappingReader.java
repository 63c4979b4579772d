package io.dirsync.mapping;

import io.dirsync.config.YamlNode;
import io.dirsync.model.EntryKind;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a whole mapping file into {@link Rules}, reporting every problem in one pass. */
final class MappingReader {
  private static final Set<String> TOP = Set.of("version", "description", "users", "groups", "roles", "departments");
  private static final Set<String> USERS = Set.of("include", "exclude", "externalId", "fields", "customData", "password");
  private static final Set<String> CODE_RULES = Set.of("include", "code", "name", "description");
  /** Variables every entry has besides its attributes. */
  static final Set<String> COMPUTED = Set.of("dn", "oupath", "value");

  private final RuleReader reader;
  private final Map<EntryKind, Set<String>> attributes = new EnumMap<>(EntryKind.class);

  MappingReader(Expressions expressions) {
    this.reader = new RuleReader(expressions);
  }

  /** The attributes read, by entry kind (valid after {@link #read}). */
  Map<EntryKind, Set<String>> attributes() {
    return attributes;
  }

  Rules read(YamlNode root) {
    root.allowKeys(TOP);
    if (!root.isMap()) {
      root.problem("a mapping file must be a map with users, groups, roles and departments");
      return null;
    }
    String version = root.string("version", "1");
    if (!version.equals("1")) root.get("version").problem("unsupported mapping version '" + version + "'; expected 1");
    Rules.UserRules users = users(root.required("users"));
    Rules.GroupRules groups = groups(root.get("groups"));
    Rules.RoleRules roles = roles(root.get("roles"));
    collect(EntryKind.USER);
    Rules.DepartmentRules departments = departments(root.get("departments"));
    return users == null ? null : new Rules(users, groups, roles, departments);
  }

  private void collect(EntryKind kind) {
    Set<String> names = new java.util.TreeSet<>(attributes.getOrDefault(kind, Set.of()));
    names.addAll(reader.attributes());
    names.removeAll(COMPUTED);
    attributes.put(kind, names);
    reader.resetAttributes();
  }

  private Rules.UserRules users(YamlNode node) {
    if (node == null) return null;
    node.allowKeys(USERS);
    Expr include = reader.condition(node.get("include"));
    Expr exclude = reader.condition(node.get("exclude"));
    ValueRule externalId = reader.value(node.required("externalId"), "users.externalId", Set.of());
    List<Rules.FieldRule> fields = fields(node.get("fields"));
    List<Rules.CustomRule> custom = customData(node.get("customData"));
    Rules.PasswordRule password = password(node.get("password"));
    return new Rules.UserRules(include, exclude, externalId, fields, custom, password);
  }

  private List<Rules.FieldRule> fields(YamlNode node) {
    List<Rules.FieldRule> out = new ArrayList<>();
    if (node == null) return out;
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      String field = e.getKey();
      YamlNode value = e.getValue();
      TargetFields.Type type = TargetFields.FIELDS.get(field);
      if (type == null) {
        String reserved = TargetFields.RESERVED.get(field);
        value.problem(reserved != null ? reserved
            : "unknown user field '" + field + "'; expected one of " + new java.util.TreeSet<>(TargetFields.FIELDS.keySet()));
        continue;
      }
      ValueRule rule = reader.value(value, "users." + field, Set.of("policy", "required"));
      FieldPolicy policy = value.isMap() ? policy(value) : FieldPolicy.FORCE;
      if (TargetFields.CREATE_ONLY.contains(field)) {
        if (value.isMap() && value.get("policy") != null && policy == FieldPolicy.FORCE) {
          value.get("policy").problem(field + " can only be set when a user is created; use createOnly");
        }
        if (policy == FieldPolicy.FORCE) policy = FieldPolicy.CREATE_ONLY;
      }
      boolean required = value.isMap() && value.bool("required", false);
      if (rule != null) out.add(new Rules.FieldRule(field, rule, type, policy, required));
    }
    return out;
  }

  private static FieldPolicy policy(YamlNode value) {
    String text = value.string("policy", "force");
    return switch (text) {
      case "force" -> FieldPolicy.FORCE;
      case "createOnly" -> FieldPolicy.CREATE_ONLY;
      case "ignore" -> FieldPolicy.IGNORE;
      default -> {
        value.get("policy").problem("policy must be one of force, createOnly, ignore, not '" + text + "'");
        yield FieldPolicy.FORCE;
      }
    };
  }

  private List<Rules.CustomRule> customData(YamlNode node) {
    List<Rules.CustomRule> out = new ArrayList<>();
    if (node == null) return out;
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      YamlNode value = e.getValue();
      ValueRule rule = reader.value(value, "users.customData." + e.getKey(), Set.of("type", "required"));
      TargetFields.DataType type = TargetFields.DataType.STRING;
      if (value.isMap() && value.get("type") != null) {
        String text = value.string("type", "string");
        try {
          type = TargetFields.DataType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          value.get("type").problem("type must be one of string, number, boolean, datetime, not '" + text + "'");
        }
      }
      boolean required = value.isMap() && value.bool("required", false);
      if (rule != null) out.add(new Rules.CustomRule(e.getKey(), rule, type, required));
    }
    return out;
  }

  private Rules.PasswordRule password(YamlNode node) {
    if (node == null) return null;
    ValueRule rule = reader.value(node, "users.password", Set.of("keep"));
    boolean keep = node.isMap() && node.bool("keep", false);
    return rule == null ? null : new Rules.PasswordRule(rule, keep);
  }

  private Rules.GroupRules groups(YamlNode node) {
    if (node == null) return Rules.GroupRules.NONE;
    node.allowKeys(Set.of("createMissing", "fromEntries", "fromAttribute"));
    boolean createMissing = node.bool("createMissing", false);
    Rules.CodeRules fromAttribute = codeRules(node.get("fromAttribute"), "groups.fromAttribute", true);
    collect(EntryKind.USER);
    Rules.CodeRules fromEntries = codeRules(node.get("fromEntries"), "groups.fromEntries", false);
    collect(EntryKind.GROUP);
    return new Rules.GroupRules(createMissing, fromEntries, fromAttribute);
  }

  private Rules.DepartmentRules departments(YamlNode node) {
    if (node == null) return Rules.DepartmentRules.NONE;
    node.allowKeys(Set.of("fromEntries", "fromAttribute"));
    Rules.CodeRules fromAttribute = codeRules(node.get("fromAttribute"), "departments.fromAttribute", true);
    collect(EntryKind.USER);
    Rules.CodeRules fromEntries = codeRules(node.get("fromEntries"), "departments.fromEntries", false);
    collect(EntryKind.DEPARTMENT);
    return new Rules.DepartmentRules(fromEntries, fromAttribute);
  }

  /**
   * {@code fromEntries}: include, code, name, description (+ base for departments);
   * {@code fromAttribute}: the same plus the attribute whose values are read.
   */
  private Rules.CodeRules codeRules(YamlNode node, String name, boolean fromAttribute) {
    if (node == null) return null;
    Set<String> keys = new java.util.HashSet<>(CODE_RULES);
    keys.add(fromAttribute ? "attribute" : "base");
    node.allowKeys(keys);
    String attribute = fromAttribute ? node.requiredString("attribute") : null;
    Dn base = fromAttribute ? null : base(node.get("base"));
    Expr include = reader.condition(node.get("include"));
    ValueRule code = reader.value(node.required("code"), name + ".code", Set.of());
    ValueRule nameRule = reader.value(node.get("name"), name + ".name", Set.of());
    ValueRule description = reader.value(node.get("description"), name + ".description", Set.of());
    if (attribute != null) reader.value(node.get("attribute"), name + ".attribute", Set.of());
    if (code == null) return null;
    return new Rules.CodeRules(attribute, base, include, code, nameRule, description);
  }

  private static Dn base(YamlNode node) {
    if (node == null) return null;
    String text = node.asText();
    Dn dn = text == null ? null : Dn.parse(text);
    if (text != null && dn == null) node.problem("'" + text + "' is not a DN");
    return dn;
  }

  private Rules.RoleRules roles(YamlNode node) {
    if (node == null) return Rules.RoleRules.NONE;
    node.allowKeys(Set.of("createMissing", "rules"));
    boolean createMissing = node.bool("createMissing", false);
    List<Rules.RoleRule> rules = new ArrayList<>();
    YamlNode list = node.get("rules");
    List<YamlNode> items = list == null ? List.of() : list.items();
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      item.allowKeys(Set.of("when", "namespace", "codes"));
      if (!item.isMap()) {
        item.problem(item.path() + " must be a map with when, namespace and codes");
        continue;
      }
      Expr when = reader.condition(item.required("when"));
      String namespace = item.string("namespace", RoleRef.DEFAULT_NAMESPACE);
      List<String> codes = item.strings("codes");
      if (item.get("codes") == null || codes.isEmpty()) item.problem("role rule " + item.path() + " needs codes");
      List<RoleRef> roles = codes.stream().filter(c -> !c.isBlank()).map(c -> new RoleRef(namespace, c)).toList();
      if (when != null && !roles.isEmpty()) rules.add(new Rules.RoleRule("roles.rules[" + i + "]", when, roles));
    }
    return new Rules.RoleRules(createMissing, rules);
  }
}
