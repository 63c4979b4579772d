package io.dirsync.mapping;

import io.dirsync.config.YamlNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@code transforms:} list. Each item is a name ({@code lower}) or a one-key map with the
 * argument ({@code {join: ", "}}). Problems go to the YAML node's problem list; a broken item is
 * left out so that reading goes on.
 */
final class TransformReader {
  /** Transforms that take no argument. */
  static final Set<String> PLAIN = Set.of("lower", "upper", "trim", "first", "slugify", "guid", "sid",
      "filetime", "generalizedTime", "rdn", "base64", "phone", "clean");
  /** Transforms that take an argument. */
  static final Set<String> WITH_ARGUMENT = Set.of("phone", "flag", "join", "split", "default", "replace",
      "extract", "lookup", "template", "truncate");

  private final Set<String> attributes;

  /** @param attributes collects the attribute names that templates inside the chain read */
  TransformReader(Set<String> attributes) {
    this.attributes = attributes;
  }

  List<Transform> read(YamlNode list) {
    List<Transform> out = new ArrayList<>();
    if (list == null) return out;
    if (!list.isList()) {
      list.problem(list.path() + " must be a list of transforms");
      return out;
    }
    for (YamlNode item : list.items()) {
      Transform t = item.isMap() ? withArgument(item) : plain(item);
      if (t != null) out.add(t);
    }
    return out;
  }

  private Transform plain(YamlNode item) {
    String name = item.asText();
    if (name == null) return null;
    return switch (name) {
      case "lower" -> Transform.eachText(s -> s.toLowerCase(Locale.ROOT));
      case "upper" -> Transform.eachText(s -> s.toUpperCase(Locale.ROOT));
      case "trim" -> Transform.eachText(String::strip);
      case "first" -> (values, entry) -> values.isEmpty() ? values : List.of(values.get(0));
      case "slugify" -> Transform.eachText(Slugs::slugify);
      case "guid" -> Transform.eachValue(DirectoryValues::guid);
      case "sid" -> Transform.eachValue(DirectoryValues::sid);
      case "filetime" -> Transform.eachValue(DirectoryValues::filetime);
      case "generalizedTime" -> Transform.eachValue(DirectoryValues::generalizedTime);
      case "rdn" -> Transform.eachText(TransformReader::rdnValue);
      case "base64" -> Transform.eachValue(v -> v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : v);
      case "phone" -> Transform.eachText(s -> Phones.toE164(s, null));
      case "clean" -> Transform.eachText(InputHygiene::clean);
      default -> unknown(item, name);
    };
  }

  private Transform withArgument(YamlNode item) {
    Map<String, YamlNode> entries = item.entries();
    if (entries.size() != 1) {
      item.problem(item.path() + " must name one transform, e.g. {join: \", \"}");
      return null;
    }
    Map.Entry<String, YamlNode> only = entries.entrySet().iterator().next();
    YamlNode arg = only.getValue();
    return switch (only.getKey()) {
      case "phone" -> phone(arg);
      case "flag" -> flag(arg);
      case "join" -> join(arg);
      case "split" -> split(arg);
      case "default" -> defaultValue(arg);
      case "replace" -> replace(arg);
      case "extract" -> extract(arg);
      case "lookup" -> lookup(arg);
      case "template" -> template(arg);
      case "truncate" -> truncate(arg);
      default -> unknown(item, only.getKey());
    };
  }

  private Transform unknown(YamlNode item, String name) {
    Set<String> known = new TreeSet<>(PLAIN);
    known.addAll(WITH_ARGUMENT);
    item.problem("unknown transform '" + name + "'; expected one of " + known);
    return null;
  }

  private Transform phone(YamlNode arg) {
    YamlNode regionNode = arg.isMap() ? arg.allowKeys(Set.of("region")).required("region") : arg;
    String region = regionNode == null ? null : regionNode.asText();
    if (region == null) return null;
    if (!Phones.isKnownRegion(region)) {
      regionNode.problem("unknown phone region '" + region + "'; use a two-letter country code such as CN, US, GB");
      return null;
    }
    return Transform.eachText(s -> Phones.toE164(s, region));
  }

  private Transform flag(YamlNode arg) {
    String text = arg.asText();
    if (text == null) return null;
    try {
      long mask = Long.decode(text.trim());
      if (mask <= 0) throw new NumberFormatException();
      return Transform.eachValue(v -> DirectoryValues.flag(v, mask));
    } catch (NumberFormatException e) {
      arg.problem(arg.path() + " must be a positive bit mask such as 2 or 0x2, not '" + text + "'");
      return null;
    }
  }

  private Transform join(YamlNode arg) {
    String separator = arg.asText();
    if (separator == null) return null;
    return (values, entry) -> {
      if (values.isEmpty()) return values;
      List<String> texts = values.stream().map(Transform::text).toList();
      return List.of(String.join(separator, texts));
    };
  }

  private Transform split(YamlNode arg) {
    String separator = arg.asText();
    if (separator == null) return null;
    if (separator.isEmpty()) {
      arg.problem(arg.path() + " must not be empty");
      return null;
    }
    Pattern literal = Pattern.compile(Pattern.quote(separator));
    return (values, entry) -> {
      List<Object> out = new ArrayList<>();
      for (Object v : values) {
        for (String piece : literal.split(Transform.text(v))) {
          if (!piece.isBlank()) out.add(piece.strip());
        }
      }
      return out;
    };
  }

  private Transform truncate(YamlNode arg) {
    Integer max = null;
    try {
      max = arg.isScalar() && arg.asText() != null ? Integer.valueOf(arg.asText().trim()) : null;
    } catch (NumberFormatException e) {
      // reported below
    }
    if (max == null || max < 1) {
      arg.problem(arg.path() + ": truncate takes a number of characters (at least 1), e.g. {truncate: 255}");
      return null;
    }
    int limit = max;
    return Transform.eachText(s -> InputHygiene.truncate(s, limit));
  }

  private Transform defaultValue(YamlNode arg) {
    String fallback = arg.asText();
    if (fallback == null) return null;
    return (values, entry) -> values.isEmpty() ? List.of(fallback) : values;
  }

  private Transform replace(YamlNode arg) {
    arg.allowKeys(Set.of("pattern", "with"));
    Pattern pattern = regex(arg.required("pattern"));
    String with = arg.string("with", "");
    if (pattern == null) return null;
    return (values, entry) -> Transform.eachText(s -> {
      try {
        return pattern.matcher(entry.timeLimit().bounded(s)).replaceAll(with);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new MappingFailure("replace with '" + with + "' failed: " + e.getMessage());
      }
    }).apply(values, entry);
  }

  private Transform extract(YamlNode arg) {
    YamlNode patternNode = arg.isMap() ? arg.allowKeys(Set.of("pattern", "group")).required("pattern") : arg;
    Pattern pattern = regex(patternNode);
    if (pattern == null) return null;
    int group = arg.isMap() ? arg.integer("group", pattern.matcher("").groupCount() > 0 ? 1 : 0)
        : (pattern.matcher("").groupCount() > 0 ? 1 : 0);
    if (group < 0 || group > pattern.matcher("").groupCount()) {
      arg.problem(arg.path() + ": the pattern has no group " + group);
      return null;
    }
    return (values, entry) -> Transform.eachText(s -> {
      Matcher m = pattern.matcher(entry.timeLimit().bounded(s));
      return m.find() ? m.group(group) : null;
    }).apply(values, entry);
  }

  private Transform lookup(YamlNode arg) {
    if (!arg.isMap()) {
      arg.problem(arg.path() + " must be a map with 'table' and optionally 'default'");
      return null;
    }
    arg.allowKeys(Set.of("table", "default", "ignoreCase"));
    YamlNode tableNode = arg.required("table");
    String fallback = arg.string("default", null);
    boolean ignoreCase = arg.bool("ignoreCase", false);
    Map<String, String> table = new LinkedHashMap<>();
    if (tableNode != null) {
      tableNode.entries().forEach((k, v) -> {
        String value = v.asText();
        if (value != null) table.put(ignoreCase ? k.toLowerCase(Locale.ROOT) : k, value);
      });
    }
    return Transform.eachText(s -> {
      String hit = table.get(ignoreCase ? s.toLowerCase(Locale.ROOT) : s);
      if (hit != null) return hit;
      return fallback != null ? fallback : s;
    });
  }

  private Transform template(YamlNode arg) {
    String text = arg.asText();
    if (text == null) return null;
    try {
      Template template = Template.parse(text);
      attributes.addAll(template.attributes());
      return (values, entry) -> {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
          String rendered = template.render(entry, v);
          if (rendered != null) out.add(rendered);
        }
        return out;
      };
    } catch (IllegalArgumentException e) {
      arg.problem(e.getMessage());
      return null;
    }
  }

  static Pattern regex(YamlNode node) {
    String text = node == null ? null : node.asText();
    if (text == null) return null;
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      node.problem("bad regular expression '" + text + "': " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
  }

  private static String rdnValue(String text) {
    Dn dn = Dn.parse(text);
    if (dn == null || dn.isEmpty()) throw new MappingFailure(MappingFailure.quote(text) + " is not a DN");
    return dn.leafValue();
  }
}
