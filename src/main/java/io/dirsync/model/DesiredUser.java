package io.dirsync.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the directory should hold for one source user, as computed by the mapping. An immutable
 * value with the accessors of a record.
 *
 * <p>A run holds one per source user until its plan is made, so the strings are kept packed: the
 * DN's first part and every string value of {@link #fields()} and {@link #customData()} in one
 * byte array ({@link Packed}), the DN's parent shared, the keys in one array, the group and
 * department codes in one array.
 * {@code sourceDn()}, {@code fields()}, {@code customData()}, {@code groups()} and
 * {@code departments()} therefore return new objects on each call (equal each time); read a map
 * once per use rather than once per key when it matters.
 *
 * <ul>
 *   <li>{@code externalId} the stable key that matches the directory user
 *   <li>{@code sourceDn} where the user came from, for reports
 *   <li>{@code fields} directory user fields (username, email, phone, name, blocked…); values are
 *       String, Boolean or Long; a key absent means "not managed", a null value is not allowed
 *   <li>{@code policies} the policy of each field that is not {@link FieldPolicy#FORCE}
 *   <li>{@code customData} custom (UDF) values by key: String, Boolean, Long, Double
 *   <li>{@code groups} group codes the user belongs to
 *   <li>{@code roles} roles the user holds
 *   <li>{@code departments} department codes the user is a member of
 *   <li>{@code mainDepartment} the main department's code, or null
 *   <li>{@code password} an initial password or kept hash, set on create only, or null
 * </ul>
 */
public final class DesiredUser {
  private static final String[] NO_KEYS = new String[0];
  private static final Object[] NO_CODES = new Object[0];

  private final ExternalId externalId;
  /** The field keys, sorted, then the custom-data keys, sorted. */
  private final String[] keys;
  private final int fieldCount;
  /** Slot 0 the DN up to its first comma, then the field values, then the custom-data values, in key order. */
  private final byte[] data;
  /**
   * The rest of the DN after its first comma, interned: the users of one OU share it (a million
   * users in 480 OUs hold 480 copies instead of a million), or null when the DN has no comma.
   */
  private final String dnParent;
  private final Object[] others;
  private final Map<String, FieldPolicy> policies;
  /** The group codes, sorted, then the department codes, sorted. */
  private final Object[] codes;
  private final int groupCount;
  private final SortedSet<RoleRef> roles;
  private final String mainDepartment;
  private final ImportedPassword password;

  public DesiredUser(
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
    if (externalId == null) throw new IllegalArgumentException("externalId is required");
    String[] fieldKeys = sortedKeys(fields);
    String[] customKeys = sortedKeys(customData);
    List<Object> slots = new ArrayList<>(1 + fieldKeys.length + customKeys.length);
    int comma = sourceDn == null ? -1 : sourceDn.indexOf(',');
    slots.add(comma < 0 ? sourceDn : sourceDn.substring(0, comma));
    this.dnParent = comma < 0 ? null : sourceDn.substring(comma + 1).intern();
    for (String k : fieldKeys) slots.add(fields.get(k));
    for (String k : customKeys) slots.add(customData.get(k));
    Packed.Row row = Packed.pack(slots);
    this.externalId = externalId;
    this.keys = fieldKeys.length + customKeys.length == 0 ? NO_KEYS : concat(fieldKeys, customKeys);
    this.fieldCount = fieldKeys.length;
    this.data = row.data();
    this.others = row.others();
    this.policies = policies == null || policies.isEmpty() ? Map.of() : Map.copyOf(policies);
    Object[] groupCodes = Compact.sortedArray(groups);
    Object[] departmentCodes = Compact.sortedArray(departments);
    this.codes = groupCodes.length + departmentCodes.length == 0 ? NO_CODES : concat(groupCodes, departmentCodes);
    this.groupCount = groupCodes.length;
    this.roles = Compact.sortedSet(roles);
    this.mainDepartment = mainDepartment;
    this.password = password;
    if (mainDepartment != null && !departments().contains(mainDepartment)) {
      throw new IllegalArgumentException("main department " + mainDepartment + " is not one of " + departments());
    }
  }

  /** A user with only fields set; handy in tests. */
  public static DesiredUser of(ExternalId externalId, Map<String, Object> fields) {
    return new DesiredUser(externalId, null, fields, Map.of(), Map.of(), null, null, null, null, null);
  }

  public ExternalId externalId() {
    return externalId;
  }

  public String sourceDn() {
    String first = (String) Packed.get(data, others, 0);
    return dnParent == null ? first : first + "," + dnParent;
  }

  public Map<String, Object> fields() {
    return new PackedMap(keys, 0, fieldCount, data, others, 1);
  }

  public Map<String, FieldPolicy> policies() {
    return policies;
  }

  public Map<String, Object> customData() {
    return new PackedMap(keys, fieldCount, keys.length - fieldCount, data, others, 1 + fieldCount);
  }

  public SortedSet<String> groups() {
    return Compact.view(codes, 0, groupCount);
  }

  public SortedSet<RoleRef> roles() {
    return roles;
  }

  public SortedSet<String> departments() {
    return Compact.view(codes, groupCount, codes.length);
  }

  public String mainDepartment() {
    return mainDepartment;
  }

  public ImportedPassword password() {
    return password;
  }

  public FieldPolicy policy(String field) {
    return policies.getOrDefault(field, FieldPolicy.FORCE);
  }

  public DesiredUser withFields(Map<String, Object> newFields) {
    return new DesiredUser(externalId, sourceDn(), newFields, policies, customData(), groups(), roles, departments(), mainDepartment, password);
  }

  public DesiredUser withGroups(Set<String> newGroups) {
    return new DesiredUser(externalId, sourceDn(), fields(), policies, customData(), new TreeSet<>(newGroups), roles, departments(), mainDepartment, password);
  }

  public DesiredUser withRoles(Set<RoleRef> newRoles) {
    return new DesiredUser(externalId, sourceDn(), fields(), policies, customData(), groups(), new TreeSet<>(newRoles), departments(), mainDepartment, password);
  }

  public DesiredUser withDepartments(Set<String> newDepartments, String newMain) {
    return new DesiredUser(externalId, sourceDn(), fields(), policies, customData(), groups(), roles, new TreeSet<>(newDepartments), newMain, password);
  }

  public DesiredUser withCustomData(Map<String, Object> newCustomData) {
    return new DesiredUser(externalId, sourceDn(), fields(), policies, newCustomData, groups(), roles, departments(), mainDepartment, password);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DesiredUser u && externalId.equals(u.externalId) && Objects.equals(sourceDn(), u.sourceDn())
        && fields().equals(u.fields()) && policies.equals(u.policies) && customData().equals(u.customData())
        && groupCount == u.groupCount && Arrays.equals(codes, u.codes) && roles.equals(u.roles)
        && Objects.equals(mainDepartment, u.mainDepartment) && Objects.equals(password, u.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(externalId, sourceDn(), fields(), policies, customData(), groups(), roles, departments(), mainDepartment, password);
  }

  @Override
  public String toString() {
    return "DesiredUser[externalId=" + externalId + ", sourceDn=" + sourceDn() + ", fields=" + fields()
        + ", policies=" + policies + ", customData=" + customData() + ", groups=" + groups() + ", roles=" + roles
        + ", departments=" + departments() + ", mainDepartment=" + mainDepartment + ", password=" + password + "]";
  }

  private static String[] sortedKeys(Map<String, Object> in) {
    if (in == null || in.isEmpty()) return NO_KEYS;
    String[] keys = new String[in.size()];
    int i = 0;
    for (Map.Entry<String, Object> e : in.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("field " + e.getKey() + " has a null value; leave it out instead");
      }
      keys[i++] = e.getKey();
    }
    Arrays.sort(keys);
    return keys;
  }

  private static <T> T[] concat(T[] a, T[] b) {
    T[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
