package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.DirectoryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * SCIM groups keyed by their {@code externalId} (dirsync's group code, {@code role:<ns>:<code>} or
 * {@code dept:<code>}): a catalog of key → id read once and kept current by this adapter's own
 * creates and deletes, and member changes by PATCH in chunks or, without PATCH, by GET + PUT with
 * the ETag. Thread-safe.
 */
final class ScimGroups {
  /** Members per PATCH request: keeps request bodies small on servers with tight payload limits. */
  static final int MEMBER_CHUNK = 100;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ScimClient client;
  private final Supplier<ServerFeatures> features;
  private final Map<String, String> idByKey = new HashMap<>();
  private final Map<String, String> keyById = new HashMap<>();
  private final Map<String, String> nameByKey = new HashMap<>();
  private boolean loaded;

  ScimGroups(ScimClient client, Supplier<ServerFeatures> features) {
    this.client = client;
    this.features = features;
  }

  /** The id of the group with this key, or null. */
  synchronized String id(String key) {
    ensureLoaded();
    return idByKey.get(key);
  }

  /** The key of the group with this id; reads the catalog again once when the id is new to it. */
  synchronized String keyOf(String id) {
    ensureLoaded();
    if (!keyById.containsKey(id)) reload();
    return keyById.get(id);
  }

  /** Display names by key, for the keys that pass the test. */
  synchronized Map<String, String> names(Predicate<String> keys) {
    ensureLoaded();
    Map<String, String> out = new LinkedHashMap<>();
    nameByKey.forEach((k, v) -> {
      if (keys.test(k)) out.put(k, v);
    });
    return out;
  }

  /** Every group whose key passes the test, with its members, as the server gives them. */
  List<JsonNode> withMembers(Predicate<String> keys) {
    List<JsonNode> out = new ArrayList<>();
    if (!features.get().groups()) return out;
    for (JsonNode g : Paging.all(client, features.get().filterMaxResults(), "Groups", Map.of())) {
      if (g.hasNonNull("externalId") && keys.test(g.get("externalId").asText())) out.add(g);
    }
    return out;
  }

  String create(String key, String name) {
    available(key);
    ObjectNode body = NODES.objectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    body.put("displayName", name).put("externalId", key);
    JsonNode created = client.send("POST", "Groups", body, null).body();
    if (created == null || !created.hasNonNull("id")) throw new DirectoryException(DirectoryException.Kind.TRANSIENT, 0, 201, "SCIM POST /Groups answered no id", null);
    String id = created.get("id").asText();
    synchronized (this) {
      remember(key, id, name);
    }
    return id;
  }

  void delete(String key) {
    String id = id(key);
    if (id == null) return;
    try {
      client.delete("Groups/" + id);
    } catch (DirectoryException e) {
      if (e.httpStatus() != 404) throw e;
    }
    synchronized (this) {
      idByKey.remove(key);
      keyById.remove(id);
      nameByKey.remove(key);
    }
  }

  void rename(String key, String name) {
    String id = required(key);
    if (features.get().patch()) {
      client.send("PATCH", "Groups/" + id, UserCodec.patchRequest(List.of(UserCodec.op("replace", "displayName", NODES.textNode(name)))), null);
    } else {
      replace(id, g -> g.put("displayName", name));
    }
    synchronized (this) {
      nameByKey.put(key, name);
    }
  }

  /** Adds members ({@code type} User or Group), in chunks. */
  void addMembers(String key, Collection<String> memberIds, String type) {
    String id = required(key);
    for (List<String> chunk : chunks(memberIds)) {
      if (features.get().patch()) {
        ArrayNode value = NODES.arrayNode();
        chunk.forEach(m -> value.addObject().put("value", m).put("type", type));
        client.send("PATCH", "Groups/" + id, UserCodec.patchRequest(List.of(UserCodec.op("add", "members", value))), null);
      } else {
        replace(id, g -> {
          ArrayNode members = g.withArray("members");
          Set<String> present = values(members);
          chunk.stream().filter(m -> !present.contains(m)).forEach(m -> members.addObject().put("value", m).put("type", type));
        });
      }
    }
  }

  void removeMembers(String key, Collection<String> memberIds) {
    String id = required(key);
    for (List<String> chunk : chunks(memberIds)) {
      if (features.get().patch()) {
        List<ObjectNode> ops = new ArrayList<>();
        chunk.forEach(m -> ops.add(UserCodec.op("remove", "members[value eq " + Paging.quote(m) + "]", null)));
        client.send("PATCH", "Groups/" + id, UserCodec.patchRequest(ops), null);
      } else {
        Set<String> gone = new HashSet<>(chunk);
        replace(id, g -> {
          Iterator<JsonNode> it = g.withArray("members").elements();
          while (it.hasNext()) {
            if (gone.contains(it.next().path("value").asText())) it.remove();
          }
        });
      }
    }
  }

  /** The ids of the group's direct members of this type (User or Group; members without a type count as users). */
  Set<String> members(String key, String type) {
    String id = id(key);
    if (id == null) return Set.of();
    JsonNode group = client.get("Groups/" + id, Map.of("attributes", "members")).body();
    return membersOf(group, type);
  }

  /**
   * The user members of each of these groups (absent groups: empty): one GET per group, or one
   * paged listing of every group with its members when that takes fewer requests.
   */
  Map<String, Set<String>> userMembers(Collection<String> keys) {
    Map<String, Set<String>> out = new HashMap<>();
    Set<String> present = new java.util.LinkedHashSet<>();
    for (String key : keys) {
      if (id(key) == null) out.put(key, Set.of());
      else present.add(key);
    }
    int page = Math.min(Paging.DEFAULT_PAGE, features.get().filterMaxResults());
    int listingPages;
    synchronized (this) {
      listingPages = Math.max(1, (idByKey.size() + page - 1) / page);
    }
    if (present.size() <= listingPages) {
      present.forEach(key -> out.put(key, members(key, "User")));
      return out;
    }
    for (JsonNode g : withMembers(present::contains)) out.put(g.get("externalId").asText(), membersOf(g, "User"));
    present.forEach(key -> out.putIfAbsent(key, Set.of()));
    return out;
  }

  static Set<String> membersOf(JsonNode group, String type) {
    Set<String> out = new HashSet<>();
    if (group == null) return out;
    for (JsonNode m : group.path("members")) {
      String t = m.path("type").asText("User");
      if (type.equalsIgnoreCase(t) && m.hasNonNull("value")) out.add(m.get("value").asText());
    }
    return out;
  }

  /** GET, change, PUT back with If-Match when the server offers ETags (a 412 is retried by the caller). */
  private void replace(String id, java.util.function.Consumer<ObjectNode> change) {
    ScimClient.Answer current = client.get("Groups/" + id, Map.of());
    ObjectNode group = (ObjectNode) current.body();
    change.accept(group);
    group.remove("meta");
    client.send("PUT", "Groups/" + id, group, features.get().etag() ? current.etag() : null);
  }

  private String required(String key) {
    available(key);
    String id = id(key);
    if (id == null) throw ScimErrors.invalid("no SCIM group with externalId " + key);
    return id;
  }

  /** Refuses, for the whole run, writes to groups on a server without the Group resource type. */
  private void available(String key) {
    if (features.get().groups()) return;
    String what = key.startsWith(ScimDirectory.ROLE) ? "role" : key.startsWith(ScimDirectory.DEPT) ? "department" : "group";
    String fix = switch (what) {
      case "role" -> "set target.roles: attribute";
      case "department" -> "set target.departments: attribute";
      default -> "leave groups out of the mapping";
    };
    throw ScimErrors.unsupported("the SCIM server declares no Group resource type in /ResourceTypes, so dirsync cannot keep the "
        + what + " " + key + " as a SCIM group; " + fix);
  }

  private void ensureLoaded() {
    if (!loaded) reload();
  }

  private void reload() {
    idByKey.clear();
    keyById.clear();
    nameByKey.clear();
    if (!features.get().groups()) {
      loaded = true;
      return;
    }
    for (JsonNode g : Paging.all(client, features.get().filterMaxResults(), "Groups", Map.of("attributes", "externalId,displayName"))) {
      if (g.hasNonNull("externalId") && g.hasNonNull("id")) remember(g.get("externalId").asText(), g.get("id").asText(), g.path("displayName").asText(null));
    }
    loaded = true;
  }

  private void remember(String key, String id, String name) {
    idByKey.put(key, id);
    keyById.put(id, key);
    nameByKey.put(key, name);
  }

  private static Set<String> values(ArrayNode members) {
    Set<String> out = new HashSet<>();
    members.forEach(m -> out.add(m.path("value").asText()));
    return out;
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += MEMBER_CHUNK) out.add(all.subList(i, Math.min(all.size(), i + MEMBER_CHUNK)));
    return out;
  }
}
