package io.dirsync.config;

/** Placeholder until the LDAP source lands: replaced by the full LDAP settings. */
public record LdapSourceConfig(YamlNode raw) {
  public static LdapSourceConfig read(YamlNode node) {
    return new LdapSourceConfig(node);
  }
}
