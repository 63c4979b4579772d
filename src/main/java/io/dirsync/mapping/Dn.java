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
    if (isPlain(text)) return plain(text);
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
    if (text != null && isPlain(text)) return text.toLowerCase(Locale.ROOT);
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

  /**
   * Whether {@code text} needs no DN parser: RDNs of one {@code type=value} each, types a letter
   * then letters, digits or '-', values of letters, digits, single inner spaces and {@code . - _ @},
   * nothing to trim or unescape. Its key is then its lower case. (Most DNs are like this.)
   */
  static boolean isPlain(String text) {
    int n = text.length();
    int i = 0;
    while (true) {
      int typeStart = i;
      if (i >= n || !Character.isLetter(text.charAt(i)) || text.charAt(i) > 'z') return false;
      while (i < n && isTypeChar(text.charAt(i))) i++;
      if (i >= n || text.charAt(i) != '=' || i == typeStart) return false;
      int valueStart = ++i;
      char previous = ' ';
      while (i < n && text.charAt(i) != ',') {
        char c = text.charAt(i);
        if (!(isAsciiAlnum(c) || c == '.' || c == '-' || c == '_' || c == '@' || (c == ' ' && previous != ' '))) return false;
        previous = c;
        i++;
      }
      if (i == valueStart || previous == ' ') return false;
      if (i == n) return true;
      i++;
    }
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isTypeChar(char c) {
    return isAsciiAlnum(c) || c == '-';
  }

  private static Dn plain(String text) {
    List<Rdn> rdns = new ArrayList<>();
    int start = text.length();
    for (int i = text.length() - 1; i >= -1; i--) {
      if (i == -1 || text.charAt(i) == ',') {
        String part = text.substring(i + 1, start);
        int eq = part.indexOf('=');
        try {
          rdns.add(new Rdn(part.substring(0, eq), part.substring(eq + 1)));
        } catch (InvalidNameException e) {
          return null;
        }
        start = i;
      }
    }
    java.util.Collections.reverse(rdns);
    return new Dn(List.copyOf(rdns));
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
