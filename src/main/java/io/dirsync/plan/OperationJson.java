package io.dirsync.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One operation as a JSON object with a {@code kind} discriminator, and back. */
final class OperationJson {

  static final String PASSWORD_OMITTED = "<omitted>";

  private final ObjectMapper json;

  OperationJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode write(Operation op) {
    return write(op, id -> null);
  }

  /** The operation, its single user named by username, email and DN where {@code labels} knows them. */
  ObjectNode write(Operation op, java.util.function.Function<ExternalId, io.dirsync.model.UserLabel> labels) {
    ObjectNode o = body(op);
    List<ExternalId> users = io.dirsync.model.Operations.users(op);
    if (users.size() == 1 && !(op instanceof Operation.CreateUser) && op.target().equals(users.get(0).value())) {
      io.dirsync.model.UserLabel label = labels.apply(users.get(0));
      if (label != null) {
        if (label.username() != null) o.put("username", label.username());
        if (label.email() != null) o.put("email", label.email());
        if (label.dn() != null) o.put("dn", label.dn());
      }
    }
    return o;
  }

  private ObjectNode body(Operation op) {
    ObjectNode o = json.createObjectNode();
    o.put("kind", op.kind().name());
    if (op instanceof Operation.CreateDepartment d) o.put("code", d.code()).put("name", d.name()).put("parentCode", d.parentCode());
    if (op instanceof Operation.UpdateDepartment d) {
      o.put("code", d.code()).put("name", d.name()).put("parentCode", d.parentCode())
          .put("previousName", d.previousName()).put("previousParentCode", d.previousParentCode());
    }
    if (op instanceof Operation.CreateGroup g) o.put("code", g.code()).put("name", g.name());
    if (op instanceof Operation.CreateRole r) o.set("role", role(r.role()));
    if (op instanceof Operation.CreateUser c) o.set("user", user(c.user()));
    if (op instanceof Operation.UpdateUser u) changes(o.put("externalId", u.externalId().value()).put("userId", u.userId()), u.changes());
    if (op instanceof Operation.SetCustomData c) changes(o.put("externalId", c.externalId().value()).put("userId", c.userId()), c.changes());
    if (op instanceof Operation.AddToGroup a) users(o.put("groupCode", a.groupCode()), a.users());
    if (op instanceof Operation.RemoveFromGroup r) users(o.put("groupCode", r.groupCode()), r.users());
    if (op instanceof Operation.AssignRole a) users(o.set("role", role(a.role())), a.users());
    if (op instanceof Operation.RevokeRole r) users(o.set("role", role(r.role())), r.users());
    if (op instanceof Operation.AddToDepartment a) users(o.put("departmentCode", a.departmentCode()), a.users());
    if (op instanceof Operation.RemoveFromDepartment r) users(o.put("departmentCode", r.departmentCode()), r.users());
    if (op instanceof Operation.SetMainDepartment m) {
      o.put("externalId", m.externalId().value()).put("departmentCode", m.departmentCode()).put("previousDepartmentCode", m.previousDepartmentCode());
    }
    if (op instanceof Operation.BlockUser b) o.put("externalId", b.externalId().value()).put("userId", b.userId());
    if (op instanceof Operation.DeleteUser d) o.put("externalId", d.externalId().value()).put("userId", d.userId());
    if (op instanceof Operation.DeleteGroup g) o.put("code", g.code());
    if (op instanceof Operation.DeleteDepartment d) o.put("code", d.code()).put("name", d.name());
    return o;
  }

  Operation read(Node o) {
    OperationKind kind;
    try {
      kind = OperationKind.valueOf(o.text("kind"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(o.path() + ".kind: unknown operation kind " + o.text("kind"), e);
    }
    try {
      return read(kind, o);
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(o.path()) ? e : new IllegalArgumentException(o.path() + ": " + e.getMessage(), e);
    }
  }

  private Operation read(OperationKind kind, Node o) {
    return switch (kind) {
      case CREATE_DEPARTMENT -> new Operation.CreateDepartment(o.text("code"), o.text("name"), o.optionalText("parentCode"));
      case UPDATE_DEPARTMENT -> new Operation.UpdateDepartment(o.text("code"), o.text("name"), o.optionalText("parentCode"),
          o.optionalText("previousName"), o.optionalText("previousParentCode"));
      case CREATE_GROUP -> new Operation.CreateGroup(o.text("code"), o.optionalText("name"));
      case CREATE_ROLE -> new Operation.CreateRole(o.role("role"));
      case CREATE_USER -> new Operation.CreateUser(user(o.get("user")));
      case UPDATE_USER -> new Operation.UpdateUser(o.get("externalId").externalId(), o.optionalText("userId"), changes(o));
      case SET_CUSTOM_DATA -> new Operation.SetCustomData(o.get("externalId").externalId(), o.optionalText("userId"), changes(o));
      case ADD_TO_GROUP -> new Operation.AddToGroup(o.text("groupCode"), o.externalIds("users"));
      case REMOVE_FROM_GROUP -> new Operation.RemoveFromGroup(o.text("groupCode"), o.externalIds("users"));
      case ASSIGN_ROLE -> new Operation.AssignRole(o.role("role"), o.externalIds("users"));
      case REVOKE_ROLE -> new Operation.RevokeRole(o.role("role"), o.externalIds("users"));
      case ADD_TO_DEPARTMENT -> new Operation.AddToDepartment(o.text("departmentCode"), o.externalIds("users"));
      case REMOVE_FROM_DEPARTMENT -> new Operation.RemoveFromDepartment(o.text("departmentCode"), o.externalIds("users"));
      case SET_MAIN_DEPARTMENT -> new Operation.SetMainDepartment(o.get("externalId").externalId(), o.optionalText("departmentCode"),
          o.optionalText("previousDepartmentCode"));
      case BLOCK_USER -> new Operation.BlockUser(o.get("externalId").externalId(), o.optionalText("userId"));
      case DELETE_USER -> new Operation.DeleteUser(o.get("externalId").externalId(), o.optionalText("userId"));
      case DELETE_GROUP -> new Operation.DeleteGroup(o.text("code"));
      case DELETE_DEPARTMENT -> new Operation.DeleteDepartment(o.text("code"), o.optionalText("name"));
    };
  }

  private ObjectNode role(RoleRef role) {
    return json.createObjectNode().put("namespace", role.namespace()).put("code", role.code());
  }

  private ObjectNode user(DesiredUser u) {
    ObjectNode o = json.createObjectNode();
    o.put("externalId", u.externalId().value());
    o.put("sourceDn", u.sourceDn());
    ObjectNode fields = o.putObject("fields");
    new TreeMap<>(u.fields()).forEach((k, v) -> fields.set(k, isSecret(k) ? plain(PASSWORD_OMITTED) : plain(v)));
    ObjectNode policies = o.putObject("policies");
    new TreeMap<>(u.policies()).forEach((k, v) -> policies.put(k, v.name()));
    ObjectNode custom = o.putObject("customData");
    new TreeMap<>(u.customData()).forEach((k, v) -> custom.set(k, plain(v)));
    strings(o.putArray("groups"), u.groups());
    ArrayNode roles = o.putArray("roles");
    u.roles().forEach(r -> roles.add(role(r)));
    strings(o.putArray("departments"), u.departments());
    o.put("mainDepartment", u.mainDepartment());
    if (u.password() != null) o.put("password", PASSWORD_OMITTED);
    return o;
  }

  private static DesiredUser user(Node o) {
    Map<String, FieldPolicy> policies = new TreeMap<>();
    o.values("policies").forEach((k, v) -> {
      try {
        policies.put(k, FieldPolicy.valueOf(v.toString()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(o.path() + ".policies." + k + ": unknown policy " + v, e);
      }
    });
    TreeSet<String> groups = new TreeSet<>();
    o.array("groups").forEach(g -> groups.add(g.json().asText()));
    TreeSet<RoleRef> roles = new TreeSet<>();
    o.array("roles").forEach(r -> roles.add(new RoleRef(r.optionalText("namespace"), r.text("code"))));
    TreeSet<String> departments = new TreeSet<>();
    o.array("departments").forEach(d -> departments.add(d.json().asText()));
    return new DesiredUser(o.get("externalId").externalId(), o.optionalText("sourceDn"), o.values("fields"), policies,
        o.values("customData"), groups, roles, departments, o.optionalText("mainDepartment"), null);
  }

  private static void changes(ObjectNode o, List<FieldChange> changes) {
    ArrayNode array = o.putArray("changes");
    for (FieldChange c : changes) {
      ObjectNode n = array.addObject().put("field", c.field());
      n.set("before", isSecret(c.field()) ? plain(PASSWORD_OMITTED) : plain(c.before()));
      n.set("after", isSecret(c.field()) ? plain(PASSWORD_OMITTED) : plain(c.after()));
    }
  }

  /** Fields whose values are never written (a password that slipped into the fields). */
  static boolean isSecret(String field) {
    return field.toLowerCase(java.util.Locale.ROOT).contains("password");
  }

  private static JsonNode plain(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) return f.nullNode();
    if (v instanceof Boolean b) return f.booleanNode(b);
    if (v instanceof Long || v instanceof Integer || v instanceof Short) return f.numberNode(((Number) v).longValue());
    if (v instanceof Number n) return f.numberNode(n.doubleValue());
    return f.textNode(v.toString());
  }

  private static List<FieldChange> changes(Node o) {
    List<FieldChange> out = new ArrayList<>();
    for (Node c : o.array("changes")) out.add(new FieldChange(c.text("field"), c.value("before"), c.value("after")));
    return out;
  }

  private static void users(ObjectNode o, List<ExternalId> users) {
    ArrayNode array = o.putArray("users");
    users.forEach(u -> array.add(u.value()));
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }
}
