package io.dirsync.mapping.join;

import io.dirsync.config.YamlNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a join mapping file ({@code version}, {@code description}, {@code join:}), reporting every problem in one pass. */
final class JoinRulesReader {
  private static final Set<String> TOP = Set.of("version", "description", "join");
  private static final Set<String> JOIN = Set.of("externalId", "order", "require", "fields", "customData", "groups",
      "roles", "departments", "leavers");
  private static final Set<String> LEAVERS = Set.of("source", "endDate", "endDateFormat", "status", "leftStatuses");

  private final List<String> sources;

  /** @param sources the job's source names, in the job's order (the default precedence) */
  JoinRulesReader(List<String> sources) {
    this.sources = List.copyOf(sources);
  }

  JoinRules read(YamlNode root) {
    if (!root.isMap()) {
      root.problem("a join mapping must be a map with version, description and join");
      return null;
    }
    root.allowKeys(TOP);
    String version = root.string("version", "1");
    if (!version.equals("1")) root.get("version").problem("unsupported mapping version '" + version + "'; expected 1");
    YamlNode join = root.required("join");
    if (join == null) return null;
    join.entries();
    join.allowKeys(JOIN);
    List<String> order = names(join.get("order"), sources);
    if (join.get("order") != null && order.size() != sources.size()) {
      join.get("order").problem("join.order must name every source once: " + sources);
    }
    List<String> externalId = names(join.get("externalId"), order);
    Set<String> require = new LinkedHashSet<>(names(join.get("require"), sources));
    return new JoinRules(externalId, order, require, perKey(join.get("fields")), perKey(join.get("customData")),
        names(join.get("groups"), order), names(join.get("roles"), order), names(join.get("departments"), order),
        leavers(join.get("leavers")));
  }

  private Map<String, List<String>> perKey(YamlNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null) return out;
    node.entries().forEach((key, value) -> out.put(key, names(value, List.of())));
    return out;
  }

  /** A list of source names (a single name counts as a list); absent → {@code fallback}. */
  private List<String> names(YamlNode node, List<String> fallback) {
    if (node == null) return fallback;
    List<String> out = new ArrayList<>();
    for (YamlNode item : node.items()) {
      String name = item.asText();
      if (name == null) continue;
      if (!sources.contains(name)) {
        item.problem("unknown source '" + name + "' in " + node.path() + "; the job's sources are " + sources);
      } else if (out.contains(name)) {
        item.problem("source '" + name + "' is named twice in " + node.path());
      } else {
        out.add(name);
      }
    }
    return out;
  }

  private LeaverRule leavers(YamlNode node) {
    if (node == null) return null;
    node.entries();
    node.allowKeys(LEAVERS);
    String source = node.requiredString("source");
    if (source != null && !source.isBlank() && !sources.contains(source)) {
      node.get("source").problem("unknown source '" + source + "' in " + node.path() + "; the job's sources are " + sources);
    }
    String endDate = node.string("endDate", null);
    String status = node.string("status", null);
    if (endDate == null && status == null) node.problem(node.path() + " needs endDate or status (or both)");
    String formatText = node.string("endDateFormat", "yyyy-MM-dd");
    DateTimeFormatter format = DateTimeFormatter.ISO_LOCAL_DATE;
    try {
      format = DateTimeFormatter.ofPattern(formatText.replace("yyyy", "uuuu"), Locale.ROOT);
    } catch (IllegalArgumentException e) {
      node.get("endDateFormat").problem("endDateFormat '" + formatText + "' is not a date pattern (e.g. yyyy-MM-dd, dd.MM.yyyy)");
    }
    Set<String> left = new TreeSet<>();
    node.strings("leftStatuses").forEach(s -> left.add(s.trim().toLowerCase(Locale.ROOT)));
    if (status != null && left.isEmpty()) node.problem(node.path() + ".status needs leftStatuses, e.g. [terminated]");
    return new LeaverRule(source, endDate, format, formatText, status, left);
  }
}
