package io.dirsync.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML value with its position. Readers report problems (wrong type, missing key, unknown key)
 * to the shared {@link Problems} and return a default so that one pass finds everything; callers
 * call {@link Problems#throwIfAny()} at the end.
 */
public final class YamlNode {
  private final String file;
  private final Node node;
  private final String path;
  private final References references;
  private final Problems problems;

  YamlNode(String file, Node node, String path, References references, Problems problems) {
    this.file = file;
    this.node = node;
    this.path = path;
    this.references = references;
    this.problems = problems;
  }

  public String file() { return file; }

  public int line() { return node.getStartMark().getLine() + 1; }

  public int column() { return node.getStartMark().getColumn() + 1; }

  /** Dotted path from the root, e.g. {@code jobs[0].source.url}, for messages. */
  public String path() { return path.isEmpty() ? "(root)" : path; }

  public Problems problems() { return problems; }

  public boolean isMap() { return node instanceof MappingNode; }

  public boolean isList() { return node instanceof SequenceNode; }

  public boolean isScalar() { return node instanceof ScalarNode; }

  public boolean isNull() { return isScalar() && "tag:yaml.org,2002:null".equals(node.getTag().getValue()); }

  /** Reports a problem at this node. */
  public void problem(String message) {
    problems.add(this, message);
  }

  /** Entries of a map in file order; reports and returns empty when this is not a map. */
  public Map<String, YamlNode> entries() {
    if (!(node instanceof MappingNode map)) {
      problem(path() + " must be a map of keys to values");
      return Map.of();
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        problems.add(new YamlNode(file, tuple.getKeyNode(), path, references, problems), "keys must be plain text");
        continue;
      }
      String key = keyNode.getValue();
      out.put(key, new YamlNode(file, tuple.getValueNode(), child(key), references, problems));
    }
    return out;
  }

  /** Reports every key not in {@code allowed} ("unknown key 'x' in source; expected one of …"). */
  public YamlNode allowKeys(Set<String> allowed) {
    if (!(node instanceof MappingNode map)) return this;
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode keyNode && !allowed.contains(keyNode.getValue())) {
        problems.add(new YamlNode(file, keyNode, path, references, problems),
            "unknown key '" + keyNode.getValue() + "' in " + path() + "; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
    return this;
  }

  /** The child under {@code key}, or null when absent (or explicitly null). */
  public YamlNode get(String key) {
    if (!(node instanceof MappingNode map)) return null;
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        YamlNode child = new YamlNode(file, tuple.getValueNode(), child(key), references, problems);
        return child.isNull() ? null : child;
      }
    }
    return null;
  }

  /** The child under {@code key}; reports "missing required key" when absent and returns null. */
  public YamlNode required(String key) {
    YamlNode child = get(key);
    if (child == null) problem("missing required key '" + key + "' in " + path());
    return child;
  }

  /** Items of a list; a single value counts as a one-item list. */
  public List<YamlNode> items() {
    if (node instanceof SequenceNode seq) {
      List<YamlNode> out = new ArrayList<>();
      List<Node> values = seq.getValue();
      for (int i = 0; i < values.size(); i++) {
        out.add(new YamlNode(file, values.get(i), path + "[" + i + "]", references, problems));
      }
      return out;
    }
    return isNull() ? List.of() : List.of(this);
  }

  /** This scalar as text with references resolved; reports and returns null when not a scalar. */
  public String asText() {
    if (!(node instanceof ScalarNode scalar)) {
      problem(path() + " must be a single value, not a " + (isMap() ? "map" : "list"));
      return null;
    }
    try {
      return references.resolve(scalar.getValue());
    } catch (IllegalArgumentException e) {
      problem(path() + ": " + e.getMessage());
      return null;
    }
  }

  // ---- typed getters on a map node: absent → default; wrong type → problem + default ----

  public String string(String key, String defaultValue) {
    YamlNode child = get(key);
    String text = child == null ? null : child.asText();
    return text == null ? defaultValue : text;
  }

  public String requiredString(String key) {
    YamlNode child = required(key);
    String text = child == null ? null : child.asText();
    if (child != null && text != null && text.isBlank()) child.problem(child.path() + " must not be empty");
    return text;
  }

  public Secret secret(String key) {
    String text = string(key, null);
    return text == null ? null : new Secret(text);
  }

  public int integer(String key, int defaultValue) {
    return parsed(key, defaultValue, Integer::parseInt, "a whole number");
  }

  public long longValue(String key, long defaultValue) {
    return parsed(key, defaultValue, Long::parseLong, "a whole number");
  }

  public double decimal(String key, double defaultValue) {
    return parsed(key, defaultValue, Double::parseDouble, "a number");
  }

  public boolean bool(String key, boolean defaultValue) {
    return parsed(key, defaultValue, YamlNode::parseBoolean, "true or false");
  }

  /** Durations as {@code 30s}, {@code 5m}, {@code 250ms}, {@code 2h} or ISO-8601 ({@code PT30S}). */
  public Duration duration(String key, Duration defaultValue) {
    return parsed(key, defaultValue, YamlNode::parseDuration, "a duration such as 30s, 5m, 250ms");
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    return parsed(key, defaultValue, text -> Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
        "one of " + enumNames(type));
  }

  public List<String> strings(String key) {
    YamlNode child = get(key);
    if (child == null) return List.of();
    List<String> out = new ArrayList<>();
    for (YamlNode item : child.items()) {
      String text = item.asText();
      if (text != null) out.add(text);
    }
    return out;
  }

  private <T> T parsed(String key, T defaultValue, Function<String, T> parser, String expected) {
    YamlNode child = get(key);
    if (child == null) return defaultValue;
    String text = child.asText();
    if (text == null) return defaultValue;
    try {
      return parser.apply(text.trim());
    } catch (RuntimeException e) {
      child.problem(child.path() + " must be " + expected + ", not '" + text + "'");
      return defaultValue;
    }
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  static Duration parseDuration(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) return Duration.parse(text.toUpperCase(Locale.ROOT));
    if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
    long amount = Long.parseLong(t.substring(0, t.length() - 1).trim());
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException(text);
    };
  }

  private static <E extends Enum<E>> List<String> enumNames(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return names;
  }
}
