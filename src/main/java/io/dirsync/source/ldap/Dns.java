package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;

/** DN comparison: two spellings of the same DN (case, spaces, escapes) normalise to the same key. */
public final class Dns {
  private Dns() {}

  /** The normalised form of {@code dn}; text that is not a DN is lower-cased and trimmed instead. */
  public static String normalize(String dn) {
    // Most DNs (uid=u1,ou=Team 07,dc=corp) need no parsing: their normal form is their lower case.
    if (isPlain(dn)) return dn.toLowerCase(Locale.ROOT);
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return dn.trim().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whether UnboundID's normal form of {@code dn} is just its lower case: RDNs of one
   * {@code type=value} each, types a letter then letters, digits or '-', values of ASCII letters,
   * digits, single inner spaces and {@code . - _ @}, nothing to trim, escape or collapse.
   */
  static boolean isPlain(String dn) {
    int n = dn.length();
    if (n == 0) return false;
    int i = 0;
    while (true) {
      int typeStart = i;
      if (i >= n || !isLetter(dn.charAt(i))) return false;
      while (i < n && (isLetter(dn.charAt(i)) || isDigit(dn.charAt(i)) || dn.charAt(i) == '-')) i++;
      if (i >= n || dn.charAt(i) != '=' || i == typeStart) return false;
      i++;
      int valueStart = i;
      char previous = ' ';
      while (i < n && dn.charAt(i) != ',') {
        char c = dn.charAt(i);
        boolean ok = isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_' || c == '@' || (c == ' ' && previous != ' ');
        if (!ok) return false;
        previous = c;
        i++;
      }
      if (i == valueStart || previous == ' ') return false; // empty value, or a trailing space
      if (i == n) return true;
      i++; // the comma
    }
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether {@code dn} is {@code base} or below it ({@code oneLevel}: exactly one level below, or base itself excluded). */
  public static boolean isUnder(String dn, String base, boolean oneLevel) {
    try {
      DN entry = new DN(dn);
      DN parent = new DN(base);
      if (oneLevel) return parent.equals(entry.getParent());
      return entry.isDescendantOf(parent, true);
    } catch (LDAPException e) {
      return false;
    }
  }

  /** The value of the first RDN ({@code Sales} for {@code cn=Sales,ou=Groups,…}), or the text itself. */
  public static String firstRdnValue(String dn) {
    try {
      String[] values = new DN(dn).getRDN().getAttributeValues();
      return values.length == 0 ? dn : values[0];
    } catch (LDAPException | NullPointerException e) {
      return dn;
    }
  }
}
