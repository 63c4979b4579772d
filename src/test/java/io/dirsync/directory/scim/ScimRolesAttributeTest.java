package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Roles as the users' multi-valued {@code roles} attribute (RFC 7643 §4.1.2, {@code target.roles:
 * attribute}) against the SCIM test server, with and without PATCH: granted, read back, changed and
 * revoked without any SCIM group.
 */
class ScimRolesAttributeTest {
  private static final RoleRef MANAGER = new RoleRef("default", "manager");
  private static final RoleRef AUDITOR = new RoleRef("default", "auditor");
  private static final RoleRef OTHER = new RoleRef("finance", "manager");
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

  private ScimDirectory directory(ScimTestServer s) {
    ScimDirectory d = new ScimDirectory(ScimSettings.of(s.baseUri(), new ScimAuth.Bearer("test-token")).withRolesAsAttribute(true), Clock.systemUTC());
    opened.add(d);
    return d;
  }

  private static String create(ScimDirectory d, String id) {
    return d.createUser(DesiredUser.of(ExternalId.of(id), Map.of("username", "u" + id))).id();
  }

  @Test
  void rolesAreGrantedChangedAndRevokedInTheRolesAttributeWithPatch() {
    grantChangeRevoke(server(ScimServerOptions.defaults()), "PATCH /Users");
  }

  @Test
  void rolesAreGrantedChangedAndRevokedInTheRolesAttributeWithoutPatch() {
    grantChangeRevoke(server(ScimServerOptions.defaults().withoutPatch()), "PUT /Users");
  }

  private void grantChangeRevoke(ScimTestServer s, String write) {
    ScimDirectory d = directory(s);
    String ann = create(d, "e-1");
    String bob = create(d, "e-2");
    d.createRole(MANAGER);
    d.createRole(OTHER);

    d.assignRole(MANAGER, List.of(ann, bob));
    d.assignRole(OTHER, List.of(ann));

    assertThat(s.requests()).doesNotContainKeys("POST /Groups", "PATCH /Groups", "GET /Groups").containsEntry(write, 3L);
    assertThat(d.listRoles("default")).containsExactly(MANAGER);
    assertThat(d.readMemberships(List.of(), List.of(MANAGER, OTHER), List.of()).roleMembers())
        .containsEntry(MANAGER, Set.of(ann, bob)).containsEntry(OTHER, Set.of(ann));
    assertThat(d.findByExternalId(ExternalId.of("e-1"), Set.of("default")).orElseThrow().roles()).containsExactly(MANAGER);
    assertThat(roles(s, d, "e-1")).contains("manager/default", "manager/finance");

    d.createRole(AUDITOR);
    d.assignRole(AUDITOR, List.of(bob));
    d.revokeRole(MANAGER, List.of(bob));

    assertThat(d.findByExternalId(ExternalId.of("e-2"), Set.of("default", "finance")).orElseThrow().roles()).containsExactly(AUDITOR);
    assertThat(d.findByExternalId(ExternalId.of("e-1"), Set.of("default", "finance")).orElseThrow().roles()).containsExactly(MANAGER, OTHER);

    d.revokeRole(AUDITOR, List.of(bob));
    d.revokeRole(MANAGER, List.of(ann));

    assertThat(d.readMemberships(List.of(), List.of(MANAGER, AUDITOR, OTHER), List.of()).roleMembers())
        .containsEntry(MANAGER, Set.of()).containsEntry(AUDITOR, Set.of()).containsEntry(OTHER, Set.of(ann));
    assertThat(roles(s, d, "e-2")).isEmpty();
    assertThat(s.requests()).doesNotContainKeys("POST /Groups", "PATCH /Groups", "PUT /Groups");
  }

  /** The user's roles as the server holds them, "value/type". */
  private static List<String> roles(ScimTestServer s, ScimDirectory d, String externalId) {
    String id = d.findByExternalId(ExternalId.of(externalId), Set.of()).orElseThrow().id();
    try (ScimClient client = new ScimClient(ScimSettings.of(s.baseUri(), new ScimAuth.Bearer("test-token")), Clock.systemUTC())) {
      JsonNode user = client.get("Users/" + id, Map.of()).body();
      List<String> out = new ArrayList<>();
      user.path("roles").forEach(r -> out.add(r.path("value").asText() + "/" + r.path("type").asText()));
      return out;
    }
  }
}
