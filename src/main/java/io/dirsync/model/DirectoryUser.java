package io.dirsync.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * A user as the directory holds it.
 *
 * @param id the directory's own id
 * @param externalId the externalId, or null for users dirsync does not know
 * @param fields the user's fields; an absent key means empty; values are String, Boolean or Long
 * @param customData custom (UDF) values by key
 * @param groups group codes, when the look-up asked for memberships (else empty)
 * @param roles roles, when asked for
 * @param departments department codes, when asked for
 * @param mainDepartment main department code, or null
 */
public record DirectoryUser(
    String id,
    ExternalId externalId,
    Map<String, Object> fields,
    Map<String, Object> customData,
    SortedSet<String> groups,
    SortedSet<RoleRef> roles,
    SortedSet<String> departments,
    String mainDepartment) {

  public DirectoryUser {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("directory user id is required");
    fields = withoutNulls(fields);
    customData = withoutNulls(customData);
    groups = Compact.sortedSet(groups);
    roles = Compact.sortedSet(roles);
    departments = Compact.sortedSet(departments);
  }

  public static DirectoryUser of(String id, ExternalId externalId, Map<String, Object> fields) {
    return new DirectoryUser(id, externalId, fields, Map.of(), null, null, null, null);
  }

  public Object field(String name) {
    return fields.get(name);
  }

  public boolean blocked() {
    return Boolean.TRUE.equals(fields.get("blocked"));
  }

  public DirectoryUser withMemberships(java.util.Collection<String> newGroups, java.util.Collection<RoleRef> newRoles,
      java.util.Collection<String> newDepartments, String newMain) {
    return new DirectoryUser(id, externalId, fields, customData, Compact.sortedSet(newGroups), Compact.sortedSet(newRoles),
        Compact.sortedSet(newDepartments), newMain);
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> in) {
    if (in == null || in.isEmpty()) return Map.of();
    if (noNullValue(in)) return in instanceof PackedMap ? in : Map.copyOf(in); // a desired user's own (immutable) values: shared, not copied // the same map when it is already an immutable one
    Map<String, Object> out = new HashMap<>();
    in.forEach((k, v) -> {
      if (v != null) out.put(k, v);
    });
    return Map.copyOf(out);
  }

  private static boolean noNullValue(Map<String, Object> in) {
    for (Object v : in.values()) {
      if (v == null) return false;
    }
    return true;
  }
}
