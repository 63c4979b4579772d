package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.Entry;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.ArrayDeque;
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
 * {@code memberOf}, resolved to user DNs: nested groups are followed (cycles are cut), and every
 * member is spelled exactly like the user entry's DN. Members that are neither a known group nor
 * a user in scope are dropped. Not thread-safe; one graph per read.
 *
 * <p>Use: {@link #addGroup} for every group entry, then {@link #addUser} for every user in scope
 * (with its memberOf values when wanted), then {@link #emit}.
 */
public final class GroupGraph {
  private final String memberAttribute;
  private final boolean synthesizeFromMemberOf;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  /** Every member key, each kept once: 3 groups per user share one key string, not 3. */
  private final Map<String, String> referenced = new HashMap<>();
  private final Map<String, String> userSpelling = new HashMap<>();

  private static final class Group {
    final Entry entry;
    final String dn;
    final List<String> memberKeys;
    final Set<String> directUsers = new LinkedHashSet<>();

    Group(Entry entry, String dn, List<String> memberKeys) {
      this.entry = entry;
      this.dn = dn;
      this.memberKeys = memberKeys;
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
    List<String> keys = new java.util.ArrayList<>();
    if (values != null) {
      for (String value : values) {
        String key = Dns.normalize(stripUid(value));
        String shared = referenced.putIfAbsent(key, key);
        keys.add(shared == null ? key : shared);
      }
    }
    Entry kept = new Entry(entry.getDN());
    for (com.unboundid.ldap.sdk.Attribute a : entry.getAttributes()) {
      if (!a.getBaseName().equalsIgnoreCase(memberAttribute)) kept.addAttribute(a);
    }
    groups.put(Dns.normalize(entry.getDN()), new Group(kept, entry.getDN(), keys));
  }

  /** Whether any group lists members by DN, i.e. users must be looked at to resolve them. */
  public boolean needsUsers() {
    return !referenced.isEmpty();
  }

  /** Records a user in scope with its memberOf values (empty when memberships come from groups only). */
  public void addUser(String userDn, List<String> memberOf) {
    String key = Dns.normalize(userDn);
    String shared = referenced.get(key);
    if (shared != null) userSpelling.put(shared, userDn);
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

  /** Emits one GROUP entry per group, members resolved. */
  public void emit(Consumer<SourceEntry> sink) {
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group group = e.getValue();
      List<String> members = List.copyOf(resolve(e.getKey()));
      sink.accept(EntryConverter.convert(EntryKind.GROUP, group.entry, Set.of(memberAttribute), members));
    }
  }

  private Set<String> resolve(String start) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> visited = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (!visited.add(key)) continue;
      Group group = groups.get(key);
      users.addAll(group.directUsers);
      for (String member : group.memberKeys) {
        if (groups.containsKey(member)) {
          todo.push(member);
        } else {
          String spelled = userSpelling.get(member);
          if (spelled != null) users.add(spelled);
        }
      }
    }
    return users;
  }

  private static Group synthesized(String groupDn) {
    Entry entry = new Entry(groupDn);
    entry.addAttribute("cn", Dns.firstRdnValue(groupDn));
    return new Group(entry, groupDn, List.of());
  }

  /** uniqueMember values may end in {@code #'0101'B} (an optional UID); the DN is before it. */
  private static String stripUid(String value) {
    int hash = value.lastIndexOf("#'");
    return hash > 0 && value.endsWith("'B") ? value.substring(0, hash) : value;
  }
}
