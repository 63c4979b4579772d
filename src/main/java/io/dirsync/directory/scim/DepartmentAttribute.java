package io.dirsync.directory.scim;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Departments as the enterprise extension's {@code department} attribute ({@code target.departments:
 * attribute}) instead of SCIM groups: the mapping's department tree is not written anywhere; each
 * user's {@code department} field becomes the name of its main department (or of its only one, or,
 * with several and no main one, of the first by code; empty without any), and the state holds no
 * departments and no department memberships. The field is then planned and compared like any other,
 * so an unchanged department costs nothing. A mapping that sets the {@code department} field itself
 * keeps its value, and so does a user under an OU whose entry the mapping skipped (see
 * {@link io.dirsync.model.HeldContainers}): the field is left out, so it is not changed. Pure.
 */
public final class DepartmentAttribute {
  /** The user field (enterprise {@code department}) that carries the department. */
  public static final String FIELD = "department";

  private DepartmentAttribute() {}

  public static DesiredState apply(DesiredState state) {
    Map<String, String> names = new HashMap<>();
    for (DesiredDepartment d : state.departments()) names.put(d.code(), d.name() == null || d.name().isBlank() ? d.code() : d.name());
    List<DesiredUser> users = new ArrayList<>(state.users().size());
    for (DesiredUser u : state.users()) {
      String code = u.mainDepartment() != null ? u.mainDepartment() : u.departments().isEmpty() ? null : u.departments().first();
      DesiredUser plain = u.withDepartments(java.util.Set.of(), null);
      if (!u.fields().containsKey(FIELD) && !state.held().users().contains(u.externalId())) {
        Map<String, Object> fields = new LinkedHashMap<>(u.fields());
        fields.put(FIELD, code == null ? "" : names.getOrDefault(code, code));
        plain = plain.withFields(fields);
      }
      users.add(plain);
    }
    return new DesiredState(users, List.of(), state.groups(), state.roles(), state.skipped(), state.createMissingGroups(),
        state.createMissingRoles(), state.unmappedUsers(), state.held());
  }
}
