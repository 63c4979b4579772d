package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.model.RoleRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Roles kept in the users' multi-valued {@code roles} attribute (RFC 7643 §4.1.2) instead of SCIM
 * groups: a role is the value {@code {"value": code, "type": namespace}}. SCIM has no role resource,
 * so a role exists while someone holds it (and, within this adapter, once {@link #create}d); holders
 * are listed with {@code filter=roles.type eq "<namespace>"}, and each grant or revocation is one
 * PATCH of the user (GET + PUT without PATCH). Thread-safe.
 */
final class RoleAttribute {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ScimClient client;
  private final Supplier<ServerFeatures> features;
  private final Set<RoleRef> created = java.util.concurrent.ConcurrentHashMap.newKeySet();

  RoleAttribute(ScimClient client, Supplier<ServerFeatures> features) {
    this.client = client;
    this.features = features;
  }

  /** The roles of this namespace someone holds, and those created here. */
  List<RoleRef> list(String namespace) {
    Set<RoleRef> out = new TreeSet<>(holders(namespace).keySet());
    created.stream().filter(r -> r.namespace().equals(namespace)).forEach(out::add);
    return List.copyOf(out);
  }

  /** Nothing to write: the role comes into being with its first holder. */
  void create(RoleRef role) {
    created.add(role);
  }

  /** The ids of the users holding each role of this namespace: one filtered listing (paged). */
  Map<RoleRef, Set<String>> holders(String namespace) {
    Map<RoleRef, Set<String>> out = new HashMap<>();
    Map<String, String> query = Map.of("filter", "roles.type eq " + Paging.quote(namespace), "attributes", "roles");
    for (JsonNode user : Paging.all(client, features.get().filterMaxResults(), "Users", query)) {
      if (!user.hasNonNull("id")) continue;
      for (RoleRef role : of(user, Set.of(namespace))) out.computeIfAbsent(role, k -> new HashSet<>()).add(user.get("id").asText());
    }
    return out;
  }

  /** The roles in these namespaces that a user resource carries. */
  static Set<RoleRef> of(JsonNode user, Set<String> namespaces) {
    Set<RoleRef> out = new TreeSet<>();
    for (JsonNode r : user.path("roles")) {
      String type = r.path("type").asText("");
      String value = r.path("value").asText("");
      if (!value.isEmpty() && namespaces.contains(type)) out.add(new RoleRef(type, value));
    }
    return out;
  }

  void assign(RoleRef role, Collection<String> userIds) {
    created.add(role);
    for (String id : new java.util.LinkedHashSet<>(userIds)) {
      if (features.get().patch()) {
        ArrayNode value = NODES.arrayNode();
        value.addObject().put("value", role.code()).put("type", role.namespace());
        client.send("PATCH", "Users/" + id, UserCodec.patchRequest(List.of(UserCodec.op("add", "roles", value))), null);
      } else {
        put(id, user -> {
          ArrayNode roles = user.withArray("roles");
          if (!contains(roles, role)) roles.addObject().put("value", role.code()).put("type", role.namespace());
        });
      }
    }
  }

  void revoke(RoleRef role, Collection<String> userIds) {
    for (String id : new java.util.LinkedHashSet<>(userIds)) {
      if (features.get().patch()) {
        String path = "roles[value eq " + Paging.quote(role.code()) + " and type eq " + Paging.quote(role.namespace()) + "]";
        client.send("PATCH", "Users/" + id, UserCodec.patchRequest(List.of(UserCodec.op("remove", path, null))), null);
      } else {
        put(id, user -> {
          Iterator<JsonNode> it = user.withArray("roles").elements();
          while (it.hasNext()) {
            JsonNode r = it.next();
            if (role.code().equals(r.path("value").asText()) && role.namespace().equals(r.path("type").asText())) it.remove();
          }
          if (user.get("roles").isEmpty()) user.remove("roles");
        });
      }
    }
  }

  private void put(String userId, java.util.function.Consumer<ObjectNode> change) {
    ScimClient.Answer current = client.get("Users/" + userId, Map.of());
    ObjectNode user = (ObjectNode) current.body();
    change.accept(user);
    user.remove("meta");
    user.remove("groups");
    UserCodec.addSchemas(user);
    client.send("PUT", "Users/" + userId, user, features.get().etag() ? current.etag() : null);
  }

  private static boolean contains(ArrayNode roles, RoleRef role) {
    for (JsonNode r : roles) {
      if (role.code().equals(r.path("value").asText()) && role.namespace().equals(r.path("type").asText())) return true;
    }
    return false;
  }
}
