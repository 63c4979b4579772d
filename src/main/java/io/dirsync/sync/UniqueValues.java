package io.dirsync.sync;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SkippedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Values the user pool holds once only (externalId, username, email, phone), checked before
 * anything is sent: when two source users share one, both are left out and reported with their
 * DNs, instead of one of them failing at the pool. They stay "in the source", so neither is
 * blocked or deleted for it.
 */
final class UniqueValues {
  private static final Map<String, Function<DesiredUser, String>> KEYS = keys();

  private UniqueValues() {}

  private static Map<String, Function<DesiredUser, String>> keys() {
    Map<String, Function<DesiredUser, String>> keys = new LinkedHashMap<>();
    keys.put("externalId", u -> u.externalId().value());
    keys.put("username", u -> text(u, "username", true));
    keys.put("email", u -> text(u, "email", true));
    keys.put("phone", u -> {
      String phone = text(u, "phone", false);
      String country = text(u, "phoneCountryCode", false);
      return phone == null ? null : (country == null || phone.startsWith("+") ? "" : country) + phone;
    });
    return keys;
  }

  static DesiredState check(DesiredState state) {
    Map<DesiredUser, List<String>> clashes = new LinkedHashMap<>();
    KEYS.forEach((field, value) -> sharing(state.users(), value).forEach(users -> {
      for (DesiredUser u : users) {
        String others = users.stream().filter(o -> o != u).map(UniqueValues::where).collect(Collectors.joining(", "));
        clashes.computeIfAbsent(u, k -> new ArrayList<>()).add(field + " \"" + shown(field, u, value) + "\" is also used by " + others);
      }
    }));
    if (clashes.isEmpty()) return state;
    List<DesiredUser> kept = state.users().stream().filter(u -> !clashes.containsKey(u)).toList();
    List<SkippedEntry> skipped = new ArrayList<>(state.skipped());
    Set<ExternalId> unmapped = new HashSet<>(state.unmappedUsers());
    clashes.forEach((u, reasons) -> {
      skipped.add(new SkippedEntry(where(u), "unique values", String.join("; ", reasons) + "; neither is sent"));
      unmapped.add(u.externalId());
    });
    return new DesiredState(kept, state.departments(), state.groups(), state.roles(), skipped,
        state.createMissingGroups(), state.createMissingRoles(), unmapped, state.held());
  }

  /**
   * The users that share a value, a list per shared value, in the order the value first occurs.
   * One map entry per user holds only the first user of each value (a first sync of 100,000 users
   * shares none), lists are made for shared values only.
   */
  private static List<List<DesiredUser>> sharing(List<DesiredUser> users, Function<DesiredUser, String> value) {
    Map<String, Integer> first = new HashMap<>(users.size() * 2);
    Map<Integer, List<DesiredUser>> shared = new TreeMap<>(); // by the position of the value's first user
    for (int i = 0; i < users.size(); i++) {
      DesiredUser u = users.get(i);
      String v = value.apply(u);
      if (v == null || v.isBlank()) continue;
      Integer at = first.putIfAbsent(v, i);
      if (at != null) shared.computeIfAbsent(at, k -> new ArrayList<>(List.of(users.get(k)))).add(u);
    }
    return new ArrayList<>(shared.values());
  }

  private static String shown(String field, DesiredUser u, Function<DesiredUser, String> value) {
    Object raw = field.equals("externalId") ? u.externalId().value() : u.fields().get(field);
    return raw == null ? value.apply(u) : raw.toString();
  }

  private static String where(DesiredUser u) {
    return u.sourceDn() != null ? u.sourceDn() : "externalId " + u.externalId().value();
  }

  private static String text(DesiredUser u, String field, boolean ignoreCase) {
    Object v = u.fields().get(field);
    if (v == null) return null;
    String s = v.toString().strip();
    return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
  }
}
