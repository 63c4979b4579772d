package io.dirsync.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A distinguished name for comparison keys, parents and OU paths; RDNs count from the leaf. Most
 * DNs are plain (see {@link #isPlain}) and are read straight from their text, without a parser or
 * an object per RDN: that runs for every user of every run. The others go through
 * {@link LdapName}.
 */
sealed interface Dn permits Dn.Plain, Dn.Parsed {

  /** Parses a DN; returns null when it is not one. */
  static Dn parse(String text) {
    if (text == null || text.isBlank()) return null;
    if (isPlain(text)) return Plain.of(text);
    try {
      List<Rdn> rdns = new ArrayList<>(new LdapName(text).getRdns());
      Collections.reverse(rdns);
      return new Parsed(List.copyOf(rdns));
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

  String key();

  /** The number of RDNs. */
  int size();

  boolean isEmpty();

  /** The DN one RDN up; the empty DN is its own parent. */
  default Dn parent() {
    return up(isEmpty() ? 0 : 1);
  }

  /** The type of the leaf RDN, lower-case ("cn"), or null for the empty DN. */
  default String leafType() {
    return isEmpty() ? null : type(0);
  }

  /** The value of the leaf RDN, unescaped, or null for the empty DN. */
  default String leafValue() {
    return isEmpty() ? null : value(0);
  }

  /** The type (lower-case) of the RDN {@code i} levels above the leaf. */
  String type(int i);

  /** The value (unescaped) of the RDN {@code i} levels above the leaf. */
  String value(int i);

  /** The DN {@code levels} RDNs up (0: this one). */
  Dn up(int levels);

  /** Whether this DN is {@code base} or below it. */
  default boolean isUnder(Dn base) {
    int extra = size() - base.size();
    return extra >= 0 && up(extra).key().equals(base.key());
  }

  /**
   * The {@code ou} values from the top down, below {@code base} when given: for
   * {@code uid=a,ou=Platform,ou=R&D,ou=Departments,dc=corp} under {@code ou=Departments,dc=corp}
   * that is {@code [R&D, Platform]}.
   */
  default List<String> ouPath(Dn base) {
    int end = size() - (base != null && isUnder(base) ? base.size() : 0);
    List<String> out = new ArrayList<>(end);
    for (int i = end - 1; i >= 0; i--) {
      if ("ou".equals(type(i))) out.add(value(i));
    }
    return out;
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

  /**
   * A plain DN read from its text: {@code starts[i]} is where RDN i (leaf first) begins; this DN is
   * the one from RDN {@code from} up. Its key is the lower-cased text from there.
   */
  record Plain(String text, String lower, int[] starts, int from) implements Dn {
    static Plain of(String text) {
      int[] starts = new int[8];
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) != ',') continue;
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
      return new Plain(text, text.toLowerCase(Locale.ROOT), Arrays.copyOf(starts, n), 0);
    }

    @Override
    public String key() {
      return from == 0 ? lower : isEmpty() ? "" : lower.substring(starts[from]);
    }

    @Override
    public int size() {
      return starts.length - from;
    }

    @Override
    public boolean isEmpty() {
      return from >= starts.length;
    }


    @Override
    public Dn up(int levels) {
      return levels == 0 ? this : new Plain(text, lower, starts, Math.min(starts.length, from + levels));
    }



    @Override
    public String type(int i) {
      int start = starts[from + i];
      return lower.substring(start, lower.indexOf('=', start));
    }

    @Override
    public String value(int i) {
      int at = from + i;
      int end = at + 1 < starts.length ? starts[at + 1] - 1 : text.length();
      return text.substring(text.indexOf('=', starts[at]) + 1, end);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Plain p && p.key().equals(key());
    }

    @Override
    public int hashCode() {
      return key().hashCode();
    }

    @Override
    public String toString() {
      return from == 0 ? text : isEmpty() ? "" : text.substring(starts[from]);
    }
  }

  /** A DN that needed the parser (escapes, multi-valued RDNs, spaces to trim, other characters). */
  record Parsed(List<Rdn> rdnsLeafFirst) implements Dn {
    @Override
    public String key() {
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

    @Override
    public int size() {
      return rdnsLeafFirst.size();
    }

    @Override
    public boolean isEmpty() {
      return rdnsLeafFirst.isEmpty();
    }


    @Override
    public Dn up(int levels) {
      return levels == 0 ? this : new Parsed(rdnsLeafFirst.subList(Math.min(levels, size()), size()));
    }



    @Override
    public String type(int i) {
      return rdnsLeafFirst.get(i).getType().toLowerCase(Locale.ROOT);
    }

    @Override
    public String value(int i) {
      return String.valueOf(rdnsLeafFirst.get(i).getValue());
    }
  }
}
