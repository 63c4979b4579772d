package io.dirsync.config;

import java.nio.file.Path;
import java.util.Set;

/** Reads a job's {@code source:} section. */
final class SourceSection {
  private SourceSection() {}

  static SourceConfig read(YamlNode node, Path base) {
    if (node == null) return new SourceConfig(null, null);
    node.entries();
    if ("csv".equalsIgnoreCase(node.string("type", ""))) {
      node.allowKeys(Set.of("type", "file", "dnColumn", "separator"));
      String file = node.requiredString("file");
      return new SourceConfig(null, new SourceConfig.CsvSourceConfig(file == null ? null : base.resolve(file).normalize(),
          node.string("dnColumn", null), node.string("separator", ";")));
    }
    if ("jdbc".equalsIgnoreCase(node.string("type", ""))) return new SourceConfig(null, null, JdbcSection.read(node));
    return new SourceConfig(LdapSourceConfig.read(node), null);
  }
}
