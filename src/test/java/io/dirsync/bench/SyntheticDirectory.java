package io.dirsync.bench;

import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.Source;
import io.dirsync.source.SourceCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-process LDAP-like source for the sync benchmark: {@code users} inetOrgPerson entries spread
 * over 500 OUs (20 divisions × 24 teams; users sit in the teams) and 1,000 groupOfNames groups,
 * each user in 3 of them. Everything is a pure function of (seed, user index, version), so entries
 * are generated as they are streamed; only the group → members index (3 ints per user) is built
 * when groups are read.
 *
 * <p>Version 0 is the baseline. Version 1 is the "1 % change" directory, see {@link Changes}.
 */
final class SyntheticDirectory implements Source {
  static final String BASE = "dc=bench,dc=example";
  static final String DEPARTMENTS = "ou=Departments," + BASE;
  static final String GROUPS = "ou=Groups," + BASE;
  static final int DIVISIONS = 20;
  static final int TEAMS_PER_DIVISION = 24;
  static final int TEAMS = DIVISIONS * TEAMS_PER_DIVISION;
  static final int GROUP_COUNT = 1000;
  static final int GROUPS_PER_USER = 3;
  private static final String[] GIVEN = {"Wei", "Fang", "Min", "Jing", "Li", "Lei", "Yan", "Tao", "Ming", "Hui",
      "Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Henry", "Iris", "Jack"};
  private static final String[] FAMILY = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
      "Smith", "Jones", "Brown", "Taylor", "Wilson", "Evans", "Thomas", "Walker", "White", "Green"};
  private static final String[] TITLES = {"Engineer", "Senior Engineer", "Analyst", "Designer", "Accountant",
      "Sales Representative", "Support Specialist", "Team Lead"};

  private final int users;
  private final long seed;
  private final int version;

  SyntheticDirectory(int users, long seed, int version) {
    if (users < 1 || users > 999_999) throw new IllegalArgumentException("users must be 1..999999, was " + users);
    this.users = users;
    this.seed = seed;
    this.version = version;
  }

  int users() {
    return users;
  }

  @Override
  public void read(EntryKind kind, Consumer<SourceEntry> sink) {
    if (kind == EntryKind.DEPARTMENT) readDepartments(sink);
    else if (kind == EntryKind.GROUP) readGroups(sink);
    else for (int i = 0; i < users; i++) sink.accept(user(i));
  }

  private void readDepartments(Consumer<SourceEntry> sink) {
    for (int d = 0; d < DIVISIONS; d++) {
      sink.accept(ou(divisionDn(d), "Division " + two(d + 1)));
      for (int t = 0; t < TEAMS_PER_DIVISION; t++) {
        sink.accept(ou(teamDn(d * TEAMS_PER_DIVISION + t), "Team " + two(t + 1)));
      }
    }
  }

  private void readGroups(Consumer<SourceEntry> sink) {
    // group → member indexes, counted then filled: 3 ints per user, no entries held.
    int[] count = new int[GROUP_COUNT];
    for (int i = 0; i < users; i++) for (int g : groupsOf(i)) count[g]++;
    int[][] members = new int[GROUP_COUNT][];
    for (int g = 0; g < GROUP_COUNT; g++) members[g] = new int[count[g]];
    Arrays.fill(count, 0);
    for (int i = 0; i < users; i++) for (int g : groupsOf(i)) members[g][count[g]++] = i;
    for (int g = 0; g < GROUP_COUNT; g++) {
      List<String> dns = new ArrayList<>(members[g].length);
      for (int i : members[g]) dns.add(userDn(i));
      members[g] = null;
      String cn = "Group " + String.format("%04d", g + 1);
      sink.accept(new SourceEntry(EntryKind.GROUP, "cn=" + cn + "," + GROUPS,
          Map.of("objectClass", List.of("top", "groupOfNames"), "cn", List.of(cn)), Map.of(), dns));
    }
  }

  SourceEntry user(int i) {
    String num = String.format("%06d", i);
    String given = GIVEN[(int) (mix(i, 1) % GIVEN.length)];
    String family = FAMILY[(int) (mix(i, 2) % FAMILY.length)];
    String phone = String.format("+86 %s %04d %04d", Changes.phoneChanged(i, version) ? "139" : "138", i / 10_000, i % 10_000);
    String title = TITLES[(int) (mix(i, 3) % TITLES.length)];
    if (Changes.titleChanged(i, version)) title = "Principal " + title;
    return SourceEntry.of(EntryKind.USER, userDn(i), Map.of(
        "objectClass", List.of("top", "person", "organizationalPerson", "inetOrgPerson"),
        "uid", List.of("u" + num),
        "employeeNumber", List.of("E" + num),
        "cn", List.of(given + " " + family + " " + num),
        "givenName", List.of(given),
        "sn", List.of(family),
        "mail", List.of("u" + num + "@bench.example"),
        "mobile", List.of(phone),
        "title", List.of(title),
        "employeeType", List.of(i % 10 == 0 ? "Contractor" : "Employee")));
  }

  String userDn(int i) {
    return "uid=u" + String.format("%06d", i) + "," + teamDn(teamOf(i));
  }

  /** The team (0..479) user {@code i} sits in, in this version. */
  int teamOf(int i) {
    int team = baseTeam(i);
    return Changes.moved(i, version) ? (team + 1 + (int) (mix(i, 5) % (TEAMS - 1))) % TEAMS : team;
  }

  int baseTeam(int i) {
    return (int) (mix(i, 4) % TEAMS);
  }

  /** The 3 distinct groups (0..999) user {@code i} is in, in this version. */
  int[] groupsOf(int i) {
    int[] g = baseGroups(i);
    if (Changes.switchedGroup(i, version)) {
      int replacement = (int) (mix(i, 9) % GROUP_COUNT);
      while (contains(g, replacement)) replacement = (replacement + 1) % GROUP_COUNT;
      g[0] = replacement;
    }
    return g;
  }

  int[] baseGroups(int i) {
    int[] g = new int[GROUPS_PER_USER];
    for (int k = 0, salt = 6; k < GROUPS_PER_USER; salt++) {
      int candidate = (int) (mix(i, salt) % GROUP_COUNT);
      if (!contains(g, k, candidate)) g[k++] = candidate;
    }
    return g;
  }

  static String teamDn(int team) {
    return "ou=Team " + two(team % TEAMS_PER_DIVISION + 1) + "," + divisionDn(team / TEAMS_PER_DIVISION);
  }

  static String divisionDn(int division) {
    return "ou=Division " + two(division + 1) + "," + DEPARTMENTS;
  }

  private static SourceEntry ou(String dn, String name) {
    return SourceEntry.of(EntryKind.DEPARTMENT, dn, Map.of("objectClass", List.of("top", "organizationalUnit"),
        "ou", List.of(name)));
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static boolean contains(int[] values, int value) {
    return contains(values, values.length, value);
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int k = 0; k < length; k++) if (values[k] == value) return true;
    return false;
  }

  /** A well-mixed non-negative number for (seed, i, salt): SplitMix64's finaliser. */
  private long mix(int i, int salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (((long) i << 8) | salt);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) >>> 1;
  }

  @Override
  public SourceCheck check() {
    return new SourceCheck(true, List.of("synthetic directory: " + users + " users, " + TEAMS + " teams in " + DIVISIONS
        + " divisions, " + GROUP_COUNT + " groups, version " + version));
  }

  @Override
  public void close() {}
}
