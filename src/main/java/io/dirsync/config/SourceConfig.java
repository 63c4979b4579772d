package io.dirsync.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where users come from.
 *
 * @param type {@code ldap} (LDAP or Active Directory) or {@code ldif} (files, for migrations)
 * @param ldap the LDAP settings (ldap only)
 * @param embeddedLdif when not empty, an in-memory LDAP server is started from these files and
 *     the LDAP settings' URLs are ignored (the demo)
 * @param ldifFiles the files to read (ldif only)
 */
public record SourceConfig(SourceType type, LdapSourceConfig ldap, List<Path> embeddedLdif, List<Path> ldifFiles) {
  public SourceConfig {
    embeddedLdif = embeddedLdif == null ? List.of() : List.copyOf(embeddedLdif);
    ldifFiles = ldifFiles == null ? List.of() : List.copyOf(ldifFiles);
  }

  /** Kinds of source. */
  public enum SourceType { LDAP, LDIF }
}
