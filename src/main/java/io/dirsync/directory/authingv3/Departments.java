package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DirectoryDepartment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The departments of the one organization dirsync manages (by {@code organizationCode}), addressed
 * by department {@code code} ({@code departmentIdType=code}); created on the first department write.
 * Keeps the code ↔ Authing id map that look-ups need (their {@code departmentIds} are Authing ids).
 */
final class Departments {
  static final Set<Integer> NOT_FOUND = Set.of(404, 2004, 2404);

  private final V3Transport transport;
  private final String orgCode;
  private volatile String rootId;
  private final Map<String, DirectoryDepartment> byCode = new ConcurrentHashMap<>();
  private final Map<String, String> codeById = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  Departments(V3Transport transport, String orgCode) {
    this.transport = transport;
    this.orgCode = orgCode;
  }

  String orgCode() {
    return orgCode;
  }

  /** Every department of the org, root excluded (reads them again). */
  synchronized List<DirectoryDepartment> list() {
    if (rootId() == null) {
      byCode.clear();
      codeById.clear();
      loaded = true;
      return List.of();
    }
    ObjectNode q = transport.object().put("organizationCode", orgCode).put("departmentId", "root")
        .put("departmentIdType", "department_id").put("withCustomData", false);
    JsonNode data = transport.get("get-all-departments", q);
    JsonNode list = data.isArray() ? data : data.path("list");
    List<JsonNode> nodes = new ArrayList<>();
    list.forEach(nodes::add);
    Map<String, String> codes = new java.util.HashMap<>();
    nodes.forEach(n -> codes.put(n.path("departmentId").asText(), n.path("code").asText(null)));
    List<DirectoryDepartment> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      String code = n.path("code").asText(null);
      if (code == null || code.isEmpty() || n.path("departmentId").asText().equals(rootId)) continue;
      String parentId = n.path("parentDepartmentId").asText(null);
      String parent = parentId == null || parentId.equals(rootId) ? null : codes.get(parentId);
      out.add(new DirectoryDepartment(n.path("departmentId").asText(), code, n.path("name").asText(), parent));
    }
    // readers running meanwhile keep seeing the old entries until the new ones are in
    out.forEach(this::remember);
    java.util.Set<String> current = new java.util.HashSet<>();
    out.forEach(d -> current.add(d.code()));
    byCode.keySet().removeIf(code -> !current.contains(code));
    codeById.values().removeIf(code -> !current.contains(code));
    loaded = true;
    return List.copyOf(out);
  }

  /** The department code of an Authing department id of this org, or null. */
  String codeOf(String departmentId) {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) list();
      }
    }
    return codeById.get(departmentId);
  }

  /** Codes of those of these Authing ids that are departments of this org. */
  List<String> codesOf(Collection<String> departmentIds) {
    List<String> out = new ArrayList<>();
    for (String id : departmentIds) {
      String code = codeOf(id);
      if (code != null) out.add(code);
    }
    return out;
  }

  /** The Authing id of a department of the org already read or made, or null (reads nothing). */
  String knownIdOf(String code) {
    DirectoryDepartment d = byCode.get(code);
    return d == null ? null : d.id();
  }

  /** The instance of this department id the listing holds (so per-user records share it), else {@code id} itself. */
  String shared(String id) {
    String code = codeById.get(id);
    DirectoryDepartment d = code == null ? null : byCode.get(code);
    return d != null && d.id().equals(id) ? d.id() : id;
  }

  String idOf(String code) {
    if (!loaded || !byCode.containsKey(code)) list();
    DirectoryDepartment d = byCode.get(code);
    if (d == null) throw V3Errors.invalid("department " + code, "does not exist in organization " + orgCode);
    return d.id();
  }

  synchronized DirectoryDepartment create(String code, String name, String parentCode) {
    ensureOrg();
    ObjectNode body = transport.object().put("organizationCode", orgCode).put("name", name);
    if (parentCode == null) body.put("parentDepartmentId", "root");
    else body.put("parentDepartmentId", parentCode);
    body.putObject("metadata");
    body.put("code", code);
    if (parentCode != null) body.put("departmentIdType", "code");
    JsonNode d = transport.post("create-department", body);
    DirectoryDepartment created = new DirectoryDepartment(d.path("departmentId").asText(), code, name, parentCode);
    remember(created);
    return created;
  }

  void rename(String code, String name) {
    update(code, b -> b.put("name", name));
    DirectoryDepartment d = byCode.get(code);
    if (d != null) remember(new DirectoryDepartment(d.id(), code, name, d.parentCode()));
  }

  void move(String code, String parentCode) {
    String parentId = parentCode == null ? rootId() : idOf(parentCode);
    update(code, b -> b.put("parentDepartmentId", parentId));
    DirectoryDepartment d = byCode.get(code);
    if (d != null) remember(new DirectoryDepartment(d.id(), code, d.name(), parentCode));
  }

  void delete(String code) {
    if (rootId() == null) return;
    ObjectNode body = transport.object().put("organizationCode", orgCode).put("departmentId", code).put("departmentIdType", "code");
    try {
      transport.post("delete-department", body);
    } catch (DirectoryException e) {
      if (!NOT_FOUND.contains(e.code())) throw e;
    }
    DirectoryDepartment d = byCode.remove(code);
    if (d != null) codeById.remove(d.id());
  }

  /** {@code add-department-members} / {@code remove-department-members}, 50 users a call. */
  void members(String route, String code, List<String> userIds) {
    for (int i = 0; i < userIds.size(); i += 50) {
      ObjectNode body = transport.object();
      userIds.subList(i, Math.min(userIds.size(), i + 50)).forEach(body.putArray("userIds")::add);
      body.put("organizationCode", orgCode).put("departmentId", code).put("departmentIdType", "code");
      transport.post(route, body);
    }
  }

  /** Direct member ids of the department ({@code list-department-member-ids}, one call). */
  List<String> memberIds(String code) {
    ObjectNode q = transport.object().put("organizationCode", orgCode).put("departmentId", code).put("departmentIdType", "code");
    List<String> out = new ArrayList<>();
    transport.get("list-department-member-ids", q).forEach(n -> out.add(n.asText()));
    return out;
  }

  String rootId() {
    if (rootId == null) {
      try {
        ObjectNode q = transport.object().put("organizationCode", orgCode).put("withCustomData", false).put("withPost", false);
        rootId = transport.get("get-organization", q).path("departmentId").asText(null);
      } catch (DirectoryException e) {
        if (!NOT_FOUND.contains(e.code())) throw e;
      }
    }
    return rootId;
  }

  private void ensureOrg() {
    if (rootId() != null) return;
    ObjectNode body = transport.object().put("organizationCode", orgCode).put("organizationName", orgCode);
    body.putObject("metadata");
    rootId = transport.post("create-organization", body).path("departmentId").asText();
    loaded = true;
  }

  private void update(String code, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode body = transport.object().put("organizationCode", orgCode).put("departmentId", code);
    body.putObject("metadata");
    body.put("departmentIdType", "code");
    change.accept(body);
    transport.post("update-department", body);
  }

  private void remember(DirectoryDepartment d) {
    byCode.put(d.code(), d);
    codeById.put(d.id(), d.code());
  }
}
