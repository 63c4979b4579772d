package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Orgs and their nodes (departments) and members. Thread-safe. */
public final class OrgApi {
  private final Transport t;

  OrgApi(Transport transport) {
    this.t = transport;
  }

  /** Creates an org with one root node named {@code name} with code {@code code}. */
  public Org create(String name, String code, String description) {
    return Read.org(t.graphqlObject("createOrg", Gql.CREATE_ORG, Vars.of("name", name).put("code", code).put("description", description).map()));
  }

  public CommonMessage delete(String orgId) {
    return Read.message(t.graphql("deleteOrg", Gql.DELETE_ORG, Vars.of("id", orgId).map()));
  }

  /** A page of orgs (their nodes carry no orgId; the org's id applies). */
  public Paginated<Org> list(int page, int limit) {
    return Read.page(t.graphql("orgs", Gql.ORGS, Vars.of("page", page).put("limit", limit).map()), Read::org);
  }

  public Optional<Org> findById(String orgId) {
    JsonNode n = t.graphql("org", Gql.ORG_DETAIL, Vars.of("id", orgId).map());
    return n.isObject() ? Optional.of(Read.org(n)) : Optional.empty();
  }

  /** Adds a node under {@code parentNodeId} (the root when null). */
  public Node addNode(String orgId, String parentNodeId, String name, String code, String description) {
    Vars vars = Vars.of("orgId", orgId).put("parentNodeId", parentNodeId).put("name", name).put("description", description).put("code", code);
    return Read.node(t.graphqlObject("addNodeV2", Gql.ADD_NODE, vars.map()));
  }

  /** Changes name, code and/or description (nulls keep values). */
  public Node updateNode(String nodeId, String name, String code, String description) {
    Vars vars = Vars.of("id", nodeId).put("name", name).put("code", code).put("description", description);
    return Read.node(t.graphqlObject("updateNode", Gql.UPDATE_NODE, vars.map()));
  }

  /** Deletes the node and all its descendants. */
  public CommonMessage deleteNode(String orgId, String nodeId) {
    return Read.message(t.graphql("deleteNode", Gql.DELETE_NODE, Vars.of("orgId", orgId).put("nodeId", nodeId).map()));
  }

  /** Moves the node under {@code targetParentId}; returns the org as it is afterwards. */
  public Org moveNode(String orgId, String nodeId, String targetParentId) {
    Vars vars = Vars.of("orgId", orgId).put("nodeId", nodeId).put("targetParentId", targetParentId);
    return Read.org(t.graphqlObject("moveNode", Gql.MOVE_NODE, vars.map()));
  }

  public Optional<Node> nodeById(String nodeId) {
    JsonNode n = t.graphql("nodeById", Gql.NODE_BY_ID, Vars.of("id", nodeId).map());
    return n.isObject() ? Optional.of(Read.node(n)) : Optional.empty();
  }

  public Optional<Node> nodeByCode(String orgId, String code) {
    JsonNode n = t.graphql("nodeByCode", Gql.NODE_BY_CODE, Vars.of("orgId", orgId).put("code", code).map());
    return n.isObject() ? Optional.of(Read.node(n)) : Optional.empty();
  }

  /** Members of the node (and of its descendants with {@code includeChildrenNodes}); empty for an unknown node. */
  public Paginated<User> listMembers(String nodeId, int page, int limit, boolean includeChildrenNodes) {
    Vars vars = Vars.of("page", page).put("limit", limit).put("includeChildrenNodes", includeChildrenNodes).put("id", nodeId);
    JsonNode n = t.graphql("nodeById", Gql.NODE_BY_ID_WITH_MEMBERS, vars.map());
    return n.isObject() ? Read.page(n.path("users"), Read::user) : new Paginated<>(0, List.of());
  }

  /** The ids of one page of the node's direct members, oldest first; an unknown node gives an empty page. */
  public Paginated<String> memberIds(String nodeId, int page, int limit) {
    Vars vars = Vars.of("page", page).put("limit", limit).put("sortBy", "CREATEDAT_ASC").put("includeChildrenNodes", false)
        .put("id", nodeId);
    JsonNode n = t.graphqlComplete("nodeById", Gql.NODE_MEMBER_IDS, vars.map());
    return n.isObject() ? Read.page(n.path("users"), u -> u.path("id").asText()) : new Paginated<>(0, List.of());
  }

  /** Adds members; returns the node's first page of members afterwards. An unknown user fails the call. */
  public Paginated<User> addMembers(String nodeId, Collection<String> userIds) {
    JsonNode n = t.graphql("addMember", Gql.ADD_MEMBER, Vars.of("nodeId", nodeId).put("userIds", List.copyOf(userIds)).map());
    return Read.page(n.path("users"), Read::user);
  }

  public Paginated<User> removeMembers(String nodeId, Collection<String> userIds) {
    JsonNode n = t.graphql("removeMember", Gql.REMOVE_MEMBER, Vars.of("nodeId", nodeId).put("userIds", List.copyOf(userIds)).map());
    return Read.page(n.path("users"), Read::user);
  }

  /** Sets the user's main department (null clears it). */
  public CommonMessage setMainDepartment(String userId, String departmentId) {
    Vars vars = Vars.of("userId", userId);
    vars.map().put("departmentId", departmentId); // an explicit null clears
    return Read.message(t.graphql("setMainDepartment", Gql.SET_MAIN_DEPARTMENT, vars.map()));
  }
}
