package io.dirsync.config;

import java.nio.file.Path;

/**
 * Where users come from: LDAP / Active Directory, the embedded demo server or LDIF files (all in
 * {@link LdapSourceConfig}), or a CSV export ({@code type: csv}, for migrations).
 *
 * @param ldap the LDAP / LDIF settings, or null for CSV
 * @param csv the CSV settings, or null
 * @param jdbc a database query ({@code type: jdbc}), or null
 */
public record SourceConfig(LdapSourceConfig ldap, CsvSourceConfig csv, JdbcSourceConfig jdbc) {

  public SourceConfig(LdapSourceConfig ldap, CsvSourceConfig csv) {
    this(ldap, csv, null);
  }

  /** A CSV export: one user per row, header = attribute names. */
  public record CsvSourceConfig(Path file, String dnColumn, String separator) {}
}
