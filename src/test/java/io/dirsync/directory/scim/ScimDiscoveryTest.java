package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dirsync.directory.CreateResult;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter adapts to what /ResourceTypes and /Schemas declare: a server without the Group
 * resource type, one without the enterprise extension, and an extension attribute that shares a
 * core attribute's name.
 */
class ScimDiscoveryTest {
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
  }

  private ScimTestServer server(ScimServerOptions options) {
    ScimTestServer s = ScimTestServer.start(options);
    opened.add(s);
    return s;
  }

  private ScimDirectory directory(ScimTestServer s, boolean rolesAsAttribute) {
    ScimDirectory d = new ScimDirectory(ScimSettings.of(s.baseUri(), new ScimAuth.Bearer("test-token"))
        .withCustomSchema(ScimServerOptions.CUSTOM_SCHEMA).withRolesAsAttribute(rolesAsAttribute), Clock.systemUTC());
    opened.add(d);
    return d;
  }

  private static DesiredUser user(String id, Map<String, Object> more) {
    Map<String, Object> fields = new LinkedHashMap<>(more);
    fields.put("username", "u" + id);
    return DesiredUser.of(ExternalId.of(id), fields);
  }

  @Test
  void withoutTheGroupResourceTypeGroupsReadEmptyAndWritesStopTheRunNamingTheSetting() {
    ScimTestServer s = server(ScimServerOptions.defaults().withoutGroups());
    ScimDirectory d = directory(s, false);

    assertThat(d.listGroups()).isEmpty();
    assertThat(d.listDepartments()).isEmpty();
    assertThat(d.listRoles("default")).isEmpty();
    assertThat(d.readMemberships(List.of("all"), List.of(new RoleRef("default", "x")), List.of("d")).groupMembers().get("all")).isEmpty();
    DirectoryException group = catchThrowableOfType(() -> d.createGroup("all", "All"), DirectoryException.class);
    DirectoryException department = catchThrowableOfType(() -> d.createDepartment("eng", "Engineering", null), DirectoryException.class);
    DirectoryException role = catchThrowableOfType(() -> d.createRole(new RoleRef("default", "manager")), DirectoryException.class);

    assertThat(List.of(group, department, role)).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL);
      assertThat(e.getMessage()).contains("declares no Group resource type in /ResourceTypes");
    });
    assertThat(department.getMessage()).contains("target.departments: attribute");
    assertThat(role.getMessage()).contains("target.roles: attribute");
    assertThat(s.requests()).containsEntry("GET /ResourceTypes", 1L).doesNotContainKeys("GET /Groups", "POST /Groups");
  }

  @Test
  void withoutTheGroupResourceTypeRolesAsAttributeStillWork() {
    ScimDirectory d = directory(server(ScimServerOptions.defaults().withoutGroups()), true);
    RoleRef manager = new RoleRef("default", "manager");
    String id = d.createUser(user("e-1", Map.of())).id();

    d.createRole(manager);
    d.assignRole(manager, List.of(id));

    assertThat(d.findByExternalId(ExternalId.of("e-1"), Set.of("default")).orElseThrow().roles()).containsExactly(manager);
  }

  @Test
  void withoutTheEnterpriseExtensionItsFieldsFailPerUserAndTheMainDepartmentIsNotSent() {
    ScimTestServer s = server(ScimServerOptions.defaults().withoutEnterprise());
    ScimDirectory d = directory(s, false);

    DirectoryException e = catchThrowableOfType(() -> d.createUser(user("e-1", Map.of("employeeNumber", "E1"))), DirectoryException.class);
    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
    assertThat(e.getMessage()).contains("field employeeNumber").contains("enterprise extension").contains("e-1");

    d.createDepartment("eng", "Engineering", null);
    List<CreateResult> created = d.createUsers(List.of(user("e-2", Map.of()).withDepartments(Set.of("eng"), "eng")));
    assertThat(created.get(0).failure()).isNull();
    long writes = s.requests().getOrDefault("PATCH /Users", 0L);
    d.setMainDepartment(created.get(0).created().id(), "eng");
    assertThat(s.requests().getOrDefault("PATCH /Users", 0L)).isEqualTo(writes);
    DirectoryUser found = d.findByExternalId(ExternalId.of("e-2"), Set.of()).orElseThrow();
    assertThat(found.departments()).containsExactly("eng");
    assertThat(found.fields()).doesNotContainKey("department");
  }

  @Test
  void aCoreAttributeAnExtensionAlsoNamesIsPatchedFullyQualified() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(s, false);
    String id = d.createUser(user("e-1", Map.of("title", "Engineer"))).id();

    d.updateUser(id, Map.of("title", "Manager"));

    assertThat(d.findByExternalId(ExternalId.of("e-1"), Set.of()).orElseThrow().fields()).containsEntry("title", "Manager");
    assertThat(s.requests()).containsEntry("PATCH /Users", 1L);
  }
}
