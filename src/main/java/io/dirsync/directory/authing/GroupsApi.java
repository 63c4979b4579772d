package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The groups module. Thread-safe. */
public final class GroupsApi {
  private final Transport t;

  GroupsApi(Transport transport) {
    this.t = transport;
  }

  public Group create(String code, String name, String description) {
    return Read.group(t.graphqlObject("createGroup", Gql.CREATE_GROUP, Vars.of("code", code).put("name", name).put("description", description).map()));
  }

  /** The group, or empty when there is none with that code. */
  public Optional<Group> detail(String code) {
    JsonNode n = t.graphql("group", Gql.GROUP_DETAIL, Vars.of("code", code).map());
    return n.isObject() ? Optional.of(Read.group(n)) : Optional.empty();
  }

  public Paginated<Group> list(int page, int limit) {
    return Read.page(t.graphql("groups", Gql.GROUPS, Vars.of("page", page).put("limit", limit).map()), Read::group);
  }

  /** Changes name and/or description, and renames to {@code newCode} when given (nulls keep values). */
  public Group update(String code, String name, String description, String newCode) {
    Vars vars = Vars.of("code", code).put("name", name).put("description", description).put("newCode", newCode);
    return Read.group(t.graphqlObject("updateGroup", Gql.UPDATE_GROUP, vars.map()));
  }

  /** Deletes the group; an unknown code is an error. */
  public CommonMessage delete(String code) {
    return deleteMany(List.of(code));
  }

  public CommonMessage deleteMany(Collection<String> codes) {
    return Read.message(t.graphql("deleteGroups", Gql.DELETE_GROUPS, Vars.of("codeList", List.copyOf(codes)).map()));
  }

  /** Adds users; an unknown user id fails the call. */
  public CommonMessage addUsers(String code, Collection<String> userIds) {
    return Read.message(t.graphql("addUserToGroup", Gql.ADD_USER_TO_GROUP, Vars.of("userIds", List.copyOf(userIds)).put("code", code).map()));
  }

  public CommonMessage removeUsers(String code, Collection<String> userIds) {
    return Read.message(t.graphql("removeUserFromGroup", Gql.REMOVE_USER_FROM_GROUP,
        Vars.of("userIds", List.copyOf(userIds)).put("code", code).map()));
  }

  /** Members of the group; an unknown group gives an empty page. */
  public Paginated<User> listUsers(String code, int page, int limit) {
    JsonNode n = t.graphql("group", Gql.GROUP_WITH_USERS, Vars.of("code", code).put("page", page).put("limit", limit).map());
    return n.isObject() ? Read.page(n.path("users"), Read::user) : new Paginated<>(0, List.of());
  }

  /** The ids of one page of the group's members; an unknown group gives an empty page. */
  public Paginated<String> memberIds(String code, int page, int limit) {
    JsonNode n = t.graphqlComplete("group", Gql.GROUP_MEMBER_IDS, Vars.of("code", code).put("page", page).put("limit", limit).map());
    return n.isObject() ? Read.page(n.path("users"), u -> u.path("id").asText()) : new Paginated<>(0, List.of());
  }
}
