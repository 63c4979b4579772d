package io.dirsync.model;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the directory should hold for one source user, as computed by the mapping.
 *
 * @param externalId the stable key that matches the directory user
 * @param sourceDn where the user came from, for reports
 * @param fields directory user fields (username, email, phone, name, blocked…); values are String,
 *     Boolean or Long; a key absent means "not managed", a null value is not allowed
 * @param policies the policy of each field that is not {@link FieldPolicy#FORCE}
 * @param customData custom (UDF) values by key: String, Boolean, Long, Double
 * @param groups group codes the user belongs to
 * @param roles roles the user holds
 * @param departments department codes the user is a member of
 * @param mainDepartment the main department's code, or null
 * @param password an initial password or kept hash, set on create only, or null
 */
public record DesiredUser(
    ExternalId externalId,
    String sourceDn,
    Map<String, Object> fields,
    Map<String, FieldPolicy> policies,
    Map<String, Object> customData,
    SortedSet<String> groups,
    SortedSet<RoleRef> roles,
    SortedSet<String> departments,
    String mainDepartment,
    ImportedPassword password) {

  public DesiredUser {
    if (externalId == null) throw new IllegalArgumentException("externalId is required");
    fields = immutableSorted(fields);
    policies = policies == null || policies.isEmpty() ? Map.of() : Map.copyOf(policies);
    customData = immutableSorted(customData);
    groups = immutableSet(groups);
    roles = immutableSet(roles);
    departments = immutableSet(departments);
    if (mainDepartment != null && !departments.contains(mainDepartment)) {
      throw new IllegalArgumentException("main department " + mainDepartment + " is not one of " + departments);
    }
  }

  /** A user with only fields set; handy in tests. */
  public static DesiredUser of(ExternalId externalId, Map<String, Object> fields) {
    return new DesiredUser(externalId, null, fields, Map.of(), Map.of(), null, null, null, null, null);
  }

  public FieldPolicy policy(String field) {
    return policies.getOrDefault(field, FieldPolicy.FORCE);
  }

  public DesiredUser withFields(Map<String, Object> newFields) {
    return new DesiredUser(externalId, sourceDn, newFields, policies, customData, groups, roles, departments, mainDepartment, password);
  }

  public DesiredUser withGroups(Set<String> newGroups) {
    return new DesiredUser(externalId, sourceDn, fields, policies, customData, new TreeSet<>(newGroups), roles, departments, mainDepartment, password);
  }

  public DesiredUser withRoles(Set<RoleRef> newRoles) {
    return new DesiredUser(externalId, sourceDn, fields, policies, customData, groups, new TreeSet<>(newRoles), departments, mainDepartment, password);
  }

  public DesiredUser withDepartments(Set<String> newDepartments, String newMain) {
    return new DesiredUser(externalId, sourceDn, fields, policies, customData, groups, roles, new TreeSet<>(newDepartments), newMain, password);
  }

  public DesiredUser withCustomData(Map<String, Object> newCustomData) {
    return new DesiredUser(externalId, sourceDn, fields, policies, newCustomData, groups, roles, departments, mainDepartment, password);
  }

  private static Map<String, Object> immutableSorted(Map<String, Object> in) {
    if (in == null || in.isEmpty()) return Map.of();
    in.forEach((k, v) -> {
      if (v == null) throw new IllegalArgumentException("field " + k + " has a null value; leave it out instead");
    });
    return Compact.sortedMap(in);
  }

  private static <T extends Comparable<T>> SortedSet<T> immutableSet(Set<T> in) {
    return Compact.sortedSet(in);
  }
}
