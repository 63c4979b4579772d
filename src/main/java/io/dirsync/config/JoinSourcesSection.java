package io.dirsync.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a job's {@code sources:} list (several sources joined per person). */
final class JoinSourcesSection {
  private static final Set<String> KEYS = Set.of("name", "connection", "mapping", "joinKey", "maxDropPercent");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private JoinSourcesSection() {}

  static List<JoinSourceConfig> read(YamlNode node, Path base) {
    List<JoinSourceConfig> out = new ArrayList<>();
    if (node == null) return out;
    if (!node.isList()) {
      node.problem(node.path() + " must be a list of sources, each with name, connection, mapping and joinKey");
      return out;
    }
    Set<String> names = new HashSet<>();
    for (YamlNode item : node.items()) {
      item.entries();
      item.allowKeys(KEYS);
      String name = item.requiredString("name");
      if (name != null && !name.isBlank() && !NAME.matcher(name).matches()) {
        item.get("name").problem("source name '" + name + "' must start with a letter and hold only letters, digits, - and _");
      } else if (name != null && !names.add(name)) {
        item.get("name").problem("source name '" + name + "' is used twice in " + node.path());
      }
      SourceConfig connection = SourceSection.read(item.required("connection"), base);
      String mapping = item.requiredString("mapping");
      String joinKey = item.requiredString("joinKey");
      double drop = item.decimal("maxDropPercent", 50.0);
      if (drop < 0 || drop > 100) item.get("maxDropPercent").problem(item.path() + ".maxDropPercent must be between 0 and 100");
      out.add(new JoinSourceConfig(name, connection, mapping == null ? null : base.resolve(mapping).normalize(), joinKey, drop));
    }
    if (out.size() < 2) node.problem(node.path() + " must list at least two sources (use source: for one)");
    return out;
  }
}
