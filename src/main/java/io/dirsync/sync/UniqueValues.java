package io.dirsync.sync;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SkippedEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    KEYS.forEach((field, value) -> {
      Map<String, List<DesiredUser>> byValue = new LinkedHashMap<>();
      for (DesiredUser u : state.users()) {
        String v = value.apply(u);
        if (v != null && !v.isBlank()) byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(u);
      }
      byValue.forEach((v, users) -> {
        if (users.size() < 2) return;
        for (DesiredUser u : users) {
          String others = users.stream().filter(o -> o != u).map(UniqueValues::where).collect(Collectors.joining(", "));
          clashes.computeIfAbsent(u, k -> new ArrayList<>()).add(field + " \"" + shown(field, u, value) + "\" is also used by " + others);
        }
      });
    });
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
