package io.dirsync.directory.authing;

import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DirectoryDepartment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one org whose departments dirsync manages, found by its root node's code (listing orgs) and
 * created on the first write. Departments are addressed by code; code → node id is cached.
 * Thread-safe.
 */
final class ManagedOrg {
  private static final int PAGE = 100;

  /** The org's id and root node id. */
  private record Ids(String orgId, String rootId) {}

  private final OrgApi org;
  private final ReadRetry reads;
  private final String code;
  private final Map<String, String> nodeIds = new ConcurrentHashMap<>();
  private volatile Ids ids;

  ManagedOrg(OrgApi org, String code, ReadRetry reads) {
    this.org = org;
    this.reads = reads;
    this.code = code;
  }

  String code() {
    return code;
  }

  /** The org's id, when it exists (looked up once found; never created here). */
  Optional<String> existingId() {
    Ids found = find();
    return found == null ? Optional.empty() : Optional.of(found.orgId());
  }

  /** Every department except the root; parentCode is null for children of the root. */
  List<DirectoryDepartment> departments() {
    Ids found = find();
    if (found == null) return List.of();
    Org o = reads.call(() -> org.findById(found.orgId())).orElse(null);
    if (o == null) return List.of();
    Map<String, Node> byId = new ConcurrentHashMap<>();
    o.nodes().forEach(n -> byId.put(n.id(), n));
    List<DirectoryDepartment> out = new ArrayList<>();
    for (Node n : o.nodes()) {
      if (n.root() || n.id().equals(found.rootId())) continue;
      if (n.code() != null) nodeIds.put(n.code(), n.id());
      Node parent = n.parentId() == null ? null : byId.get(n.parentId());
      String parentCode = parent == null || parent.root() || parent.id().equals(found.rootId()) ? null : parent.code();
      out.add(new DirectoryDepartment(n.id(), n.code(), n.name(), parentCode));
    }
    return out;
  }

  DirectoryDepartment create(String deptCode, String name, String parentCode) {
    Ids o = ensure();
    String parentId = parentCode == null ? o.rootId() : nodeId(parentCode);
    Node n = org.addNode(o.orgId(), parentId, name, deptCode, null);
    nodeIds.put(deptCode, n.id());
    return new DirectoryDepartment(n.id(), deptCode, n.name(), parentCode);
  }

  void rename(String deptCode, String name) {
    org.updateNode(nodeId(deptCode), name, null, null);
  }

  void move(String deptCode, String newParentCode) {
    Ids o = ensure();
    org.moveNode(o.orgId(), nodeId(deptCode), newParentCode == null ? o.rootId() : nodeId(newParentCode));
  }

  /**
   * Deletes a department without child departments; an absent one (or an absent org) is not an
   * error, one with children is refused (PERMANENT) so no subtree goes with it.
   */
  void delete(String deptCode) {
    Ids o = find();
    if (o == null) return;
    Optional<Node> node = reads.call(() -> org.nodeByCode(o.orgId(), deptCode));
    if (node.isEmpty() || node.get().root()) {
      nodeIds.remove(deptCode);
      return;
    }
    if (!node.get().children().isEmpty()) {
      throw new AuthingException(DirectoryException.Kind.PERMANENT, "deleteNode", 0, 0, -1,
          "department " + deptCode + " still has " + node.get().children().size() + " child department(s); delete or move them first", null);
    }
    org.deleteNode(o.orgId(), node.get().id());
    nodeIds.remove(deptCode);
  }

  /** The node id of a department of this org, or empty when there is none with that code. */
  Optional<String> existingNodeId(String deptCode) {
    try {
      return Optional.of(nodeId(deptCode));
    } catch (AuthingException e) {
      if (e.kind() == DirectoryException.Kind.PERMANENT && "nodeByCode".equals(e.operation())) return Optional.empty();
      throw e;
    }
  }

  /** The node id of a department of this org; PERMANENT when there is none with that code. */
  String nodeId(String deptCode) {
    String cached = nodeIds.get(deptCode);
    if (cached != null) return cached;
    Ids o = find();
    Optional<Node> node = o == null ? Optional.empty() : reads.call(() -> org.nodeByCode(o.orgId(), deptCode));
    if (node.isEmpty() || node.get().root()) {
      throw new AuthingException(DirectoryException.Kind.PERMANENT, "nodeByCode", 0, 0, -1,
          "department " + deptCode + " does not exist in org " + code, null);
    }
    nodeIds.put(deptCode, node.get().id());
    return node.get().id();
  }

  private Ids find() {
    Ids known = ids;
    if (known != null) return known;
    synchronized (this) {
      if (ids != null) return ids;
      for (int page = 1; ; page++) {
        int p = page;
        Paginated<Org> orgs = reads.call(() -> org.list(p, PAGE));
        for (Org o : orgs.list()) {
          if (code.equals(o.rootNode().code())) {
            ids = new Ids(o.id(), o.rootNode().id());
            return ids;
          }
        }
        if (orgs.list().size() < PAGE || page * PAGE >= orgs.totalCount()) return null;
      }
    }
  }

  private Ids ensure() {
    Ids found = find();
    if (found != null) return found;
    synchronized (this) {
      if (ids == null) {
        Org created = org.create(code, code, "departments managed by dirsync");
        ids = new Ids(created.id(), created.rootNode().id());
      }
      return ids;
    }
  }
}
