package io.dirsync.app;

import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.SourceConfig;
import io.dirsync.mapping.Mapping;
import io.dirsync.model.EntryKind;
import io.dirsync.source.Source;
import io.dirsync.source.csv.CsvSource;
import io.dirsync.source.jdbc.JdbcSource;
import io.dirsync.source.ldap.LdapSource;
import io.dirsync.source.ldif.LdifSource;
import java.nio.file.Path;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Builds the configured source; an embedded demo server is started first and closed with the job. */
final class Sources {
  private Sources() {}

  static Source open(SourceConfig config, Mapping mapping, Deque<AutoCloseable> closeLater) {
    return open(config, neededAttributes(mapping), closeLater);
  }

  /** A source that asks for {@code needed} attributes (by entry kind) when it can choose. */
  static Source open(SourceConfig config, Map<EntryKind, Set<String>> needed, Deque<AutoCloseable> closeLater) {
    if (config.jdbc() != null) return new JdbcSource(config.jdbc());
    if (config.csv() != null) {
      SourceConfig.CsvSourceConfig csv = config.csv();
      return new CsvSource(csv.file(), csv.dnColumn(), csv.separator());
    }
    LdapSourceConfig ldap = config.ldap();
    if (ldap.type() == LdapSourceConfig.Type.LDIF) {
      return new LdifSource(ldap, ldap.files().stream().map(Path::of).toList());
    }
    if (ldap.embedded() != null) {
      // the entries an LDAP server loaded from these files would return, read straight from the files
      return LdifSource.searchedLike(ldap, ldap.embedded().ldif().stream().map(Path::of).toList());
    }
    return new LdapSource(ldap, needed);
  }

  private static Map<EntryKind, Set<String>> neededAttributes(Mapping mapping) {
    Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) needed.put(kind, mapping.attributes(kind));
    return needed;
  }
}
