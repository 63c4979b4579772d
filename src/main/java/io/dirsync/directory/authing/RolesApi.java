package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The roles module; a null namespace means Authing's {@code default}. Thread-safe. */
public final class RolesApi {
  private final Transport t;

  RolesApi(Transport transport) {
    this.t = transport;
  }

  public Role create(String namespace, String code, String description) {
    Vars vars = Vars.of("namespace", namespace).put("code", code).put("description", description);
    return Read.role(t.graphqlObject("createRole", Gql.CREATE_ROLE, vars.map()));
  }

  public Optional<Role> detail(String namespace, String code) {
    JsonNode n = t.graphql("role", Gql.ROLE_DETAIL, Vars.of("code", code).put("namespace", namespace).map());
    return n.isObject() ? Optional.of(Read.role(n)) : Optional.empty();
  }

  public Paginated<Role> list(String namespace, int page, int limit) {
    return Read.page(t.graphql("roles", Gql.ROLES, Vars.of("namespace", namespace).put("page", page).put("limit", limit).map()), Read::role);
  }

  public CommonMessage delete(String namespace, String code) {
    return Read.message(t.graphql("deleteRole", Gql.DELETE_ROLE, Vars.of("code", code).put("namespace", namespace).map()));
  }

  /** Grants the role to users; an unknown user id fails the call. */
  public CommonMessage addUsers(String namespace, String code, Collection<String> userIds) {
    Vars vars = Vars.of("roleCode", code).put("userIds", List.copyOf(userIds)).put("namespace", namespace);
    return Read.message(t.graphql("assignRole", Gql.ASSIGN_ROLE, vars.map()));
  }

  public CommonMessage removeUsers(String namespace, String code, Collection<String> userIds) {
    Vars vars = Vars.of("roleCode", code).put("userIds", List.copyOf(userIds)).put("namespace", namespace);
    return Read.message(t.graphql("revokeRole", Gql.REVOKE_ROLE, vars.map()));
  }

  /** Holders of the role; an unknown role gives an empty page. */
  public Paginated<User> listUsers(String namespace, String code, int page, int limit) {
    Vars vars = Vars.of("code", code).put("namespace", namespace).put("page", page).put("limit", limit);
    JsonNode n = t.graphql("role", Gql.ROLE_WITH_USERS, vars.map());
    return n.isObject() ? Read.page(n.path("users"), Read::user) : new Paginated<>(0, List.of());
  }

  /** The ids of one page of the role's holders; an unknown role gives an empty page. */
  public Paginated<String> memberIds(String namespace, String code, int page, int limit) {
    Vars vars = Vars.of("code", code).put("namespace", namespace).put("page", page).put("limit", limit);
    JsonNode n = t.graphqlComplete("role", Gql.ROLE_MEMBER_IDS, vars.map());
    return n.isObject() ? Read.page(n.path("users"), u -> u.path("id").asText()) : new Paginated<>(0, List.of());
  }
}
