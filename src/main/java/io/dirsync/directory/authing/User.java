package io.dirsync.directory.authing;

import java.util.List;
import java.util.Map;

/**
 * An Authing user.
 *
 * @param id the user id
 * @param fields every scalar field the server returned except id, password hash and token, by its
 *     Authing name (username, email, externalId, blocked, loginsCount…); values are String, Boolean
 *     or Long; null fields are left out
 * @param registerSource where the user came from
 * @param identities linked identities as returned (may be empty)
 * @param customData custom data decoded per data type, when asked for (else empty)
 * @param memberships groups, roles and departments, when asked for (else null)
 */
public record User(
    String id,
    Map<String, Object> fields,
    List<String> registerSource,
    List<Map<String, Object>> identities,
    Map<String, Object> customData,
    UserMemberships memberships) {

  public User {
    fields = Map.copyOf(fields);
    registerSource = registerSource == null ? List.of() : List.copyOf(registerSource);
    identities = identities == null ? List.of() : List.copyOf(identities);
    customData = customData == null ? Map.of() : Map.copyOf(customData);
  }

  public Object field(String name) {
    return fields.get(name);
  }

  /** A String field, or null. */
  public String text(String name) {
    Object v = fields.get(name);
    return v == null ? null : v.toString();
  }

  public String username() {
    return text("username");
  }

  public String email() {
    return text("email");
  }

  public String phone() {
    return text("phone");
  }

  public String externalId() {
    return text("externalId");
  }

  public boolean blocked() {
    return Boolean.TRUE.equals(fields.get("blocked"));
  }
}
