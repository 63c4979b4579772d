package io.dirsync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Distinguished-name helpers: comparison keys, parents and OU paths. RDNs are kept leaf first. */
record Dn(List<Rdn> rdnsLeafFirst) {

  /** Parses a DN; returns null when it is not one. */
  static Dn parse(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      List<Rdn> rdns = new ArrayList<>(new LdapName(text).getRdns());
      java.util.Collections.reverse(rdns);
      return new Dn(List.copyOf(rdns));
    } catch (InvalidNameException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A key under which two spellings of the same DN compare equal (case, spaces, escapes). */
  static String key(String text) {
    Dn dn = parse(text);
    return dn == null ? text.trim().toLowerCase(Locale.ROOT) : dn.key();
  }

  String key() {
    StringBuilder out = new StringBuilder();
    for (Rdn rdn : rdnsLeafFirst) {
      if (out.length() > 0) out.append(',');
      if (rdn.size() > 1) {
        out.append(rdn.toString().toLowerCase(Locale.ROOT)); // multi-valued RDN: Rdn keeps its parts sorted
        continue;
      }
      out.append(rdn.getType().toLowerCase(Locale.ROOT)).append('=')
          .append(String.valueOf(rdn.getValue()).trim().toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  boolean isEmpty() {
    return rdnsLeafFirst.isEmpty();
  }

  Dn parent() {
    return rdnsLeafFirst.isEmpty() ? this : new Dn(rdnsLeafFirst.subList(1, rdnsLeafFirst.size()));
  }

  /** The type of the leaf RDN, lower-case ("cn"), or null for the empty DN. */
  String leafType() {
    return rdnsLeafFirst.isEmpty() ? null : rdnsLeafFirst.get(0).getType().toLowerCase(Locale.ROOT);
  }

  /** The value of the leaf RDN, unescaped, or null for the empty DN. */
  String leafValue() {
    return rdnsLeafFirst.isEmpty() ? null : String.valueOf(rdnsLeafFirst.get(0).getValue());
  }

  /** Whether this DN is {@code base} or below it. */
  boolean isUnder(Dn base) {
    int extra = rdnsLeafFirst.size() - base.rdnsLeafFirst.size();
    return extra >= 0 && new Dn(rdnsLeafFirst.subList(extra, rdnsLeafFirst.size())).key().equals(base.key());
  }

  /**
   * The {@code ou} values from the top down, below {@code base} when given: for
   * {@code uid=a,ou=Platform,ou=R&D,ou=Departments,dc=corp} under {@code ou=Departments,dc=corp}
   * that is {@code [R&D, Platform]}.
   */
  List<String> ouPath(Dn base) {
    int end = rdnsLeafFirst.size() - (base != null && isUnder(base) ? base.rdnsLeafFirst.size() : 0);
    List<String> out = new ArrayList<>();
    for (int i = end - 1; i >= 0; i--) {
      Rdn rdn = rdnsLeafFirst.get(i);
      if ("ou".equalsIgnoreCase(rdn.getType())) out.add(String.valueOf(rdn.getValue()));
    }
    return out;
  }
}
