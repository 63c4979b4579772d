package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Groups, roles and role namespaces over v3: listings of 50 a page, member writes of 50 users a call. */
final class GroupsRoles {
  static final int PAGE = 50;

  private final V3Transport transport;
  private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

  GroupsRoles(V3Transport transport) {
    this.transport = transport;
    namespaces.add(RoleRef.DEFAULT_NAMESPACE);
  }

  List<DirectoryGroup> listGroups() {
    List<DirectoryGroup> out = new ArrayList<>();
    pages("list-groups", transport.object(), g -> out.add(new DirectoryGroup(g.path("code").asText(),
        g.path("name").asText(null), g.path("description").asText(null))));
    return out;
  }

  /** Creates groups, 50 a call ({@code create-groups-batch}). */
  void createGroups(Collection<DirectoryGroup> groups) {
    List<DirectoryGroup> all = List.copyOf(groups);
    for (int i = 0; i < all.size(); i += PAGE) {
      ObjectNode body = transport.object();
      ArrayNode list = body.putArray("list");
      for (DirectoryGroup g : all.subList(i, Math.min(all.size(), i + PAGE))) {
        list.addObject().put("type", "static").put("description", g.description() == null ? "" : g.description())
            .put("name", g.name() == null || g.name().isBlank() ? g.code() : g.name()).put("code", g.code());
      }
      transport.post("create-groups-batch", body);
    }
  }

  void deleteGroup(String code) {
    ObjectNode body = transport.object();
    body.putArray("codeList").add(code);
    try {
      transport.post("delete-groups-batch", body);
    } catch (DirectoryException e) {
      if (!Departments.NOT_FOUND.contains(e.code())) throw e;
    }
  }

  /** {@code add-group-members} / {@code remove-group-members}, 50 users a call. */
  void groupMembers(String route, String code, List<String> userIds) {
    for (int i = 0; i < userIds.size(); i += PAGE) {
      ObjectNode body = transport.object().put("code", code);
      userIds.subList(i, Math.min(userIds.size(), i + PAGE)).forEach(body.putArray("userIds")::add);
      transport.post(route, body);
    }
  }

  Set<String> groupMemberIds(String code) {
    Set<String> out = new java.util.HashSet<>();
    ObjectNode q = transport.object().put("code", code);
    pages("list-group-members", q, u -> out.add(u.path("userId").asText()));
    return out;
  }

  List<RoleRef> listRoles(String namespace) {
    List<RoleRef> out = new ArrayList<>();
    pages("list-roles", transport.object().put("namespace", namespace), r -> out.add(new RoleRef(
        r.path("namespace").asText(namespace), r.path("code").asText())));
    return out;
  }

  /** Creates roles, 50 a call ({@code create-roles-batch}), and their namespaces when missing. */
  void createRoles(Collection<RoleRef> roles) {
    roles.forEach(r -> ensureNamespace(r.namespace()));
    List<RoleRef> all = List.copyOf(roles);
    for (int i = 0; i < all.size(); i += PAGE) {
      ObjectNode body = transport.object();
      ArrayNode list = body.putArray("list");
      for (RoleRef r : all.subList(i, Math.min(all.size(), i + PAGE))) {
        list.addObject().put("code", r.code()).put("name", r.code()).put("namespace", r.namespace());
      }
      transport.post("create-roles-batch", body);
    }
  }

  /** {@code assign-role} / {@code revoke-role} for one role, 50 users a call. */
  void roleMembers(String route, RoleRef role, List<String> userIds) {
    for (int i = 0; i < userIds.size(); i += PAGE) {
      ObjectNode body = transport.object().put("code", role.code()).put("namespace", role.namespace());
      ArrayNode targets = body.putArray("targets");
      userIds.subList(i, Math.min(userIds.size(), i + PAGE))
          .forEach(id -> targets.addObject().put("targetType", "USER").put("targetIdentifier", id));
      transport.post(route, body);
    }
  }

  Set<String> roleMemberIds(RoleRef role) {
    Set<String> out = new java.util.HashSet<>();
    pages("list-role-members", transport.object().put("code", role.code()).put("namespace", role.namespace()),
        u -> out.add(u.path("userId").asText()));
    return out;
  }

  private void ensureNamespace(String code) {
    if (namespaces.contains(code)) return;
    try {
      transport.get("get-namespace", transport.object().put("code", code));
    } catch (DirectoryException e) {
      if (!Departments.NOT_FOUND.contains(e.code())) throw e;
      transport.post("create-namespace", transport.object().put("code", code).put("name", code));
    }
    namespaces.add(code);
  }

  /** Every page of a {@code {totalCount, list}} listing, 50 a page. */
  private void pages(String name, ObjectNode query, Consumer<JsonNode> each) {
    for (int page = 1; page <= 100_000; page++) {
      ObjectNode q = query.deepCopy().put("page", page).put("limit", PAGE);
      JsonNode data = transport.get(name, q);
      JsonNode list = data.path("list");
      list.forEach(each);
      if (list.size() < PAGE || (long) page * PAGE >= data.path("totalCount").asLong()) return;
    }
  }
}
