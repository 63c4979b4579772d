package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Active Directory's ranged attribute retrieval: a group with more members than the server's
 * MaxValRange answers {@code member;range=0-1499}; the rest is fetched with
 * {@code member;range=1500-*} and so on until a range ends in {@code *}.
 */
final class RangeRetrieval {
  private static final Pattern RANGE = Pattern.compile("range=(\\d+)-(\\d+|\\*)", Pattern.CASE_INSENSITIVE);
  private static final int MAX_ROUNDS = 100_000;

  private RangeRetrieval() {}

  /** Whether {@code entry} holds a ranged attribute that is not complete. */
  static boolean isRanged(Entry entry) {
    for (Attribute a : entry.getAttributes()) {
      if (range(a) != null) return true;
    }
    return false;
  }

  /** {@code entry} with every ranged attribute fetched whole and stored under its plain name. */
  static Entry complete(LDAPInterface ldap, Entry entry) throws LDAPException {
    Entry out = entry.duplicate();
    for (Attribute a : entry.getAttributes()) {
      Matcher m = range(a);
      if (m == null) continue;
      String base = a.getBaseName();
      List<byte[]> values = new ArrayList<>(List.of(a.getValueByteArrays()));
      String end = m.group(2);
      for (int round = 0; !end.equals("*") && round < MAX_ROUNDS; round++) {
        long next = Long.parseLong(end) + 1;
        String wanted = base + ";range=" + next + "-*";
        SearchResultEntry page = ldap.getEntry(entry.getDN(), wanted);
        Attribute part = page == null ? null : rangedPart(page, base);
        Matcher pm = part == null ? null : range(part);
        if (pm == null) break;
        values.addAll(List.of(part.getValueByteArrays()));
        end = pm.group(2);
      }
      out.removeAttribute(a.getName());
      out.addAttribute(new Attribute(base, values.toArray(new byte[0][])));
    }
    return out;
  }

  private static Attribute rangedPart(Entry page, String base) {
    for (Attribute a : page.getAttributes()) {
      if (a.getBaseName().equalsIgnoreCase(base) && range(a) != null) return a;
    }
    return null;
  }

  private static Matcher range(Attribute a) {
    for (String option : a.getOptions()) {
      Matcher m = RANGE.matcher(option.toLowerCase(Locale.ROOT));
      if (m.matches()) return m;
    }
    return null;
  }
}
