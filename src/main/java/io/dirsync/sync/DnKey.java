package io.dirsync.sync;

import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** A key under which two spellings of one DN (case, spaces around separators, escapes) compare equal. */
final class DnKey {
  private DnKey() {}

  static String of(String dn) {
    if (dn == null) return "";
    if (plain(dn)) return dn.toLowerCase(Locale.ROOT);
    try {
      StringBuilder out = new StringBuilder();
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        if (out.length() > 0) out.insert(0, ',');
        out.insert(0, rdn.getType().toLowerCase(Locale.ROOT) + "=" + String.valueOf(rdn.getValue()).trim().toLowerCase(Locale.ROOT));
      }
      return out.toString();
    } catch (InvalidNameException | IllegalArgumentException e) {
      return dn.trim().toLowerCase(Locale.ROOT);
    }
  }

  /** No escapes, quotes, multi-valued RDNs or spaces next to separators: the lower case is the key. */
  private static boolean plain(String dn) {
    char prev = ',';
    for (int i = 0; i < dn.length(); i++) {
      char c = dn.charAt(i);
      if (c == '\\' || c == '"' || c == '+' || c == ';' || c == '#' || c == '<' || c == '>') return false;
      if (c == ' ' && (prev == ',' || prev == '=')) return false;
      if ((c == ',' || c == '=') && prev == ' ') return false;
      prev = c;
    }
    return prev != ' ';
  }
}
