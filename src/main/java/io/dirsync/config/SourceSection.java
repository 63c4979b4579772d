package io.dirsync.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads a job's {@code source:} section. */
final class SourceSection {
  private SourceSection() {}

  static SourceConfig read(YamlNode node, Path base) {
    if (node == null) return new SourceConfig(SourceConfig.SourceType.LDAP, null, List.of(), List.of());
    node.entries();
    SourceConfig.SourceType type = node.enumValue("type", SourceConfig.SourceType.class, null);
    if (type == null) {
      if (node.get("type") == null) node.problem("missing required key 'type' in " + node.path() + " (ldap or ldif)");
      return new SourceConfig(SourceConfig.SourceType.LDAP, null, List.of(), List.of());
    }
    if (type == SourceConfig.SourceType.LDIF) {
      node.allowKeys(Set.of("type", "files", "baseDn"));
      List<Path> files = node.strings("files").stream().map(f -> base.resolve(f).normalize()).toList();
      if (files.isEmpty()) node.problem("source.files must list at least one LDIF file");
      return new SourceConfig(type, null, List.of(), files);
    }
    List<Path> embedded = List.of();
    YamlNode embeddedNode = node.get("embedded");
    if (embeddedNode != null) {
      embeddedNode.allowKeys(Set.of("ldif"));
      embedded = embeddedNode.strings("ldif").stream().map(f -> base.resolve(f).normalize()).toList();
      if (embedded.isEmpty()) embeddedNode.problem("source.embedded.ldif must list at least one LDIF file");
    }
    return new SourceConfig(type, LdapSourceConfig.read(node), embedded, List.of());
  }
}
