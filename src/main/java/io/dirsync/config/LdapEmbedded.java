package io.dirsync.config;

import java.util.List;

/** {@code source.embedded}: LDIF files loaded into an in-memory LDAP server started in-process (the demo). */
public record LdapEmbedded(List<String> ldif) {
  public LdapEmbedded {
    ldif = List.copyOf(ldif);
  }
}
