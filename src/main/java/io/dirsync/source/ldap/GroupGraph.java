package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.Entry;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Group memberships gathered from group entries ({@code member} / {@code uniqueMember}) and users'
 * {@code memberOf}: nested groups are followed (cycles are cut), and what is left are the DNs of
 * the members that are not groups, each once. Members are not checked against the users in scope:
 * the mapping joins a group to the users it reads by DN key, so a member that is no user in scope
 * (a printer, a user outside the search base) simply joins nobody, and no second search of the
 * users is needed. Not thread-safe; one graph per read.
 *
 * <p>Use: {@link #addGroup} for every group entry, then, when memberships come from memberOf,
 * {@link #addUser} for every user in scope; then {@link #emit}.
 */
public final class GroupGraph {
  private final String memberAttribute;
  private final boolean synthesizeFromMemberOf;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  /** Every member value, each kept once: 3 groups per user share one string, not 3. */
  private final Map<String, String> sharedValues = new HashMap<>();

  private static final class Group {
    final Entry entry;
    final List<String> members;
    final Set<String> directUsers = new LinkedHashSet<>();

    Group(Entry entry, List<String> members) {
      this.entry = entry;
      this.members = members;
    }
  }

  /**
   * @param memberAttribute the group attribute that lists members ({@code member} or {@code uniqueMember})
   * @param synthesizeFromMemberOf whether memberOf values that are no known group become groups
   */
  public GroupGraph(String memberAttribute, boolean synthesizeFromMemberOf) {
    this.memberAttribute = memberAttribute.toLowerCase(Locale.ROOT);
    this.synthesizeFromMemberOf = synthesizeFromMemberOf;
  }

  /** Adds a group entry (ranged attributes already completed). */
  public void addGroup(Entry entry) {
    String[] values = entry.getAttributeValues(memberAttribute);
    List<String> members = new ArrayList<>(values == null ? 0 : values.length);
    if (values != null) {
      for (String value : values) {
        String member = stripUid(value);
        String shared = sharedValues.putIfAbsent(member, member);
        members.add(shared == null ? member : shared);
      }
    }
    Entry kept = new Entry(entry.getDN());
    for (com.unboundid.ldap.sdk.Attribute a : entry.getAttributes()) {
      if (!a.getBaseName().equalsIgnoreCase(memberAttribute)) kept.addAttribute(a);
    }
    groups.put(Dns.normalize(entry.getDN()), new Group(kept, members));
  }

  /** Records a user in scope with its memberOf values. */
  public void addUser(String userDn, List<String> memberOf) {
    for (String groupDn : memberOf) {
      String groupKey = Dns.normalize(groupDn);
      Group group = groups.get(groupKey);
      if (group == null && synthesizeFromMemberOf) {
        group = synthesized(groupDn);
        groups.put(groupKey, group);
      }
      if (group != null) group.directUsers.add(userDn);
    }
  }

  /** Emits one GROUP entry per group, nested groups resolved; the graph is empty afterwards. */
  public void emit(Consumer<SourceEntry> sink) {
    sharedValues.clear();
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group group = e.getValue();
      List<String> members = List.copyOf(resolve(e.getKey()).values());
      sink.accept(EntryConverter.convert(EntryKind.GROUP, group.entry, Set.of(memberAttribute), members));
    }
    groups.clear();
  }

  /** The non-group members of a group and of the groups nested in it, by normalised DN. */
  private Map<String, String> resolve(String start) {
    Map<String, String> members = new LinkedHashMap<>();
    Set<String> visited = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (!visited.add(key)) continue;
      Group group = groups.get(key);
      for (String user : group.directUsers) members.putIfAbsent(Dns.normalize(user), user);
      for (String member : group.members) {
        String memberKey = Dns.normalize(member);
        if (groups.containsKey(memberKey)) todo.push(memberKey);
        else members.putIfAbsent(memberKey, member);
      }
    }
    return members;
  }

  private static Group synthesized(String groupDn) {
    Entry entry = new Entry(groupDn);
    entry.addAttribute("cn", Dns.firstRdnValue(groupDn));
    return new Group(entry, List.of());
  }

  /** uniqueMember values may end in {@code #'0101'B} (an optional UID); the DN is before it. */
  private static String stripUid(String value) {
    int hash = value.lastIndexOf("#'");
    return hash > 0 && value.endsWith("'B") ? value.substring(0, hash) : value;
  }
}
