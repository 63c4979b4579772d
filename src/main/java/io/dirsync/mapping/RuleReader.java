package io.dirsync.mapping;

import io.dirsync.config.YamlNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads value rules and conditions from YAML, compiling expressions and templates once and
 * reporting every problem with its position. A value rule is written as
 * <ul>
 *   <li>{@code mail} — an attribute;
 *   <li>{@code "{givenName} {sn}"} — a template (any text with a placeholder);
 *   <li>{@code true} / {@code false} — a constant;
 *   <li>a map with exactly one of {@code from}, {@code template}, {@code value}, {@code expression},
 *       plus optional {@code transforms}.
 * </ul>
 */
final class RuleReader {
  static final Set<String> SOURCE_KEYS = Set.of("from", "template", "value", "expression", "transforms");
  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(;[A-Za-z0-9=-]+)*");

  private final Expressions expressions;
  private final Set<String> attributes = new LinkedHashSet<>();

  RuleReader(Expressions expressions) {
    this.expressions = expressions;
  }

  /** Every attribute read by the rules and conditions read so far, lower case. */
  Set<String> attributes() {
    Set<String> out = new LinkedHashSet<>();
    for (String a : attributes) out.add(a.toLowerCase(Locale.ROOT));
    return out;
  }

  /** Forgets the attributes collected so far (call between entry kinds). */
  void resetAttributes() {
    attributes.clear();
  }

  /**
   * Reads a value rule at {@code node}; {@code extraKeys} are further keys the caller reads from the
   * same map (policy, type…). Returns null after reporting when the rule cannot be used.
   */
  ValueRule value(YamlNode node, String name, Set<String> extraKeys) {
    if (node == null) return null;
    Set<String> used = new LinkedHashSet<>();
    if (!node.isMap()) {
      String text = node.asText();
      if (text == null) return null;
      ValueRule.Source source = scalarSource(node, text, used);
      return source == null ? null : new ValueRule(name, source, List.of(), Set.copyOf(used));
    }
    Set<String> allowed = new HashSet<>(SOURCE_KEYS);
    allowed.addAll(extraKeys);
    node.allowKeys(allowed);
    List<String> present = SOURCE_KEYS.stream().filter(k -> !k.equals("transforms") && node.get(k) != null).sorted().toList();
    if (present.size() != 1) {
      node.problem(node.path() + " needs exactly one of from, template, value, expression"
          + (present.isEmpty() ? "" : "; found " + present));
      new TransformReader(used).read(node.get("transforms"));
      return null;
    }
    ValueRule.Source source = mapSource(node, present.get(0), used);
    List<Transform> transforms = new TransformReader(used).read(node.get("transforms"));
    attributes.addAll(used);
    return source == null ? null : new ValueRule(name, source, transforms, Set.copyOf(used));
  }

  /** Reads a condition (a JEXL expression giving true or false); null when absent or broken. */
  Expr condition(YamlNode node) {
    if (node == null) return null;
    String text = node.asText();
    return text == null ? null : compile(node, text, attributes);
  }

  private ValueRule.Source scalarSource(YamlNode node, String text, Set<String> used) {
    if (text.equals("true") || text.equals("false")) return new ValueRule.Constant(Boolean.valueOf(text));
    if (text.contains("{") || text.contains("}")) return template(node, text, used);
    return attribute(node, text, used);
  }

  private ValueRule.Source mapSource(YamlNode node, String key, Set<String> used) {
    YamlNode child = node.get(key);
    if (key.equals("value")) {
      if (!child.isScalar()) {
        child.problem(child.path() + " must be a single value");
        return null;
      }
      String text = child.asText();
      return text == null ? null : new ValueRule.Constant(text);
    }
    String text = child.asText();
    if (text == null) return null;
    return switch (key) {
      case "from" -> attribute(child, text, used);
      case "template" -> template(child, text, used);
      default -> {
        Expr expr = compile(child, text, used);
        yield expr == null ? null : new ValueRule.FromExpression(expr);
      }
    };
  }

  private ValueRule.Source attribute(YamlNode node, String text, Set<String> used) {
    String name = text.trim();
    if (!ATTRIBUTE.matcher(name).matches()) {
      node.problem("'" + text + "' is not an attribute name; write a template as \"{attr} …\" or a constant as {value: …}");
      return null;
    }
    used.add(name);
    attributes.add(name);
    return new ValueRule.FromAttribute(name);
  }

  private ValueRule.Source template(YamlNode node, String text, Set<String> used) {
    try {
      Template template = Template.parse(text);
      used.addAll(template.attributes());
      attributes.addAll(template.attributes());
      return new ValueRule.FromTemplate(template);
    } catch (IllegalArgumentException e) {
      node.problem(e.getMessage());
      return null;
    }
  }

  private Expr compile(YamlNode node, String text, Set<String> used) {
    try {
      Expr expr = expressions.compile(text);
      used.addAll(expr.variables());
      attributes.addAll(expr.variables());
      return expr;
    } catch (IllegalArgumentException e) {
      node.problem("expression '" + text + "' is not valid: " + e.getMessage());
      return null;
    }
  }
}
