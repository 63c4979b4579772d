package io.dirsync.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry read from a source, as plain values.
 *
 * <p>Attribute names are lower-case. Text attributes hold strings; binary attributes (objectGUID,
 * objectSid, jpegPhoto…) hold bytes. For {@link EntryKind#GROUP} entries, {@code members} holds the
 * DNs of the group's members that are not groups, nested groups already resolved, each once, spelled
 * as the group entry (or, from memberOf, the user entry) spells it. A member need not be a user in
 * scope: the mapping joins a group to the users it reads by DN key. It is empty for other kinds.
 */
public record SourceEntry(
    EntryKind kind,
    String dn,
    Map<String, List<String>> attributes,
    Map<String, List<byte[]>> binaryAttributes,
    List<String> members) {

  public SourceEntry {
    if (kind == null) throw new IllegalArgumentException("kind is required");
    if (dn == null) throw new IllegalArgumentException("dn is required");
    attributes = lowerCaseKeys(attributes);
    binaryAttributes = lowerCaseKeys(binaryAttributes);
    members = members == null ? List.of() : List.copyOf(members);
  }

  public static SourceEntry of(EntryKind kind, String dn, Map<String, List<String>> attributes) {
    return new SourceEntry(kind, dn, attributes, Map.of(), List.of());
  }

  /** All text values of an attribute (any case), never null. */
  public List<String> values(String attribute) {
    return attributes.getOrDefault(attribute.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first text value of an attribute, or null. */
  public String first(String attribute) {
    List<String> values = values(attribute);
    return values.isEmpty() ? null : values.get(0);
  }

  /** All binary values of an attribute (any case), never null. */
  public List<byte[]> binaryValues(String attribute) {
    return binaryAttributes.getOrDefault(attribute.toLowerCase(Locale.ROOT), List.of());
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, List<T>> lowerCaseKeys(Map<String, List<T>> in) {
    if (in == null || in.isEmpty()) return Map.of();
    // One copy per entry (this runs for every entry read): straight into an immutable map.
    Map.Entry<String, List<T>>[] entries = new Map.Entry[in.size()];
    int i = 0;
    for (Map.Entry<String, List<T>> e : in.entrySet()) {
      entries[i++] = Map.entry(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(e.getValue()));
    }
    try {
      return Map.ofEntries(entries);
    } catch (IllegalArgumentException twoSpellingsOfOneName) {
      return lastOfEachName(in);
    }
  }

  private static <T> Map<String, List<T>> lastOfEachName(Map<String, List<T>> in) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return Map.copyOf(out);
  }
}
