package io.dirsync.directory.authing;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Converts between the Directory port's values and the client's. Pure functions. */
final class UserMapping {
  /** Fields the port does not carry in {@code fields}: they have their own components or are not data. */
  private static final Set<String> NOT_PORT_FIELDS = Set.of("externalId", "userPoolId", "arn");

  private UserMapping() {}

  /** What one createUser takes, and what must follow in an updateUser (fields CreateUserInput lacks). */
  record CreatePlan(UserInput create, boolean keepPassword, UserInput followUp) {}

  static CreatePlan create(DesiredUser user) {
    Map<String, Object> now = new LinkedHashMap<>();
    Map<String, Object> later = new LinkedHashMap<>();
    user.fields().forEach((k, v) -> {
      if (UserInput.CREATE_KEYS.contains(k)) now.put(k, v);
      else if (UserInput.UPDATE_KEYS.contains(k)) later.put(k, v);
      else throw new IllegalArgumentException(k + " is not an Authing user field that can be written");
    });
    if (now.containsKey("password") || later.containsKey("password")) {
      throw new IllegalArgumentException("set the password through DesiredUser.password, not as a field");
    }
    now.put("externalId", user.externalId().value());
    boolean keep = false;
    if (user.password() != null) {
      now.put("password", user.password().value());
      keep = user.password().keep();
    }
    return new CreatePlan(UserInput.forCreate(now), keep, UserInput.forUpdate(later));
  }

  /**
   * The port's view of a user. With {@code memberships}, departments are those of org
   * {@code orgId} (none when it is null).
   */
  static DirectoryUser toDirectory(User u, boolean memberships, String orgId) {
    Map<String, Object> fields = new LinkedHashMap<>(u.fields());
    NOT_PORT_FIELDS.forEach(fields::remove);
    Map<String, Object> custom = new LinkedHashMap<>();
    u.customData().forEach((k, v) -> custom.put(k, portValue(v)));
    ExternalId ext = u.externalId() == null || u.externalId().isBlank() ? null : ExternalId.of(u.externalId());
    if (!memberships || u.memberships() == null) {
      return new DirectoryUser(u.id(), ext, fields, custom, null, null, null, null);
    }
    UserMemberships m = u.memberships();
    TreeSet<String> groups = new TreeSet<>();
    m.groups().forEach(g -> groups.add(g.code()));
    TreeSet<RoleRef> roles = new TreeSet<>();
    m.roles().forEach((ns, list) -> list.forEach(r -> roles.add(new RoleRef(r.namespace() == null ? ns : r.namespace(), r.code()))));
    TreeSet<String> departments = new TreeSet<>();
    String main = null;
    for (UserDepartment d : m.departments()) {
      Node n = d.department();
      if (orgId == null || !orgId.equals(n.orgId()) || n.code() == null || n.root()) continue;
      departments.add(n.code());
      if (d.isMainDepartment()) main = n.code();
    }
    return new DirectoryUser(u.id(), ext, fields, custom, groups, roles, departments, main);
  }

  /** Custom-data values as the port carries them: String, Boolean, Long or Double. */
  static Object portValue(Object v) {
    if (v instanceof Instant i) return i.toEpochMilli();
    if (v instanceof Map<?, ?> || v instanceof List<?>) return CustomData.encode(v);
    return v;
  }
}
