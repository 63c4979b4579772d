package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;

/** DN comparison: two spellings of the same DN (case, spaces, escapes) normalise to the same key. */
public final class Dns {
  private Dns() {}

  /** The normalised form of {@code dn}; text that is not a DN is lower-cased and trimmed instead. */
  public static String normalize(String dn) {
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return dn.trim().toLowerCase(Locale.ROOT);
    }
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
