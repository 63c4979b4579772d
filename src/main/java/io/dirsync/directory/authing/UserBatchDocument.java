package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code userBatch} document that returns users with custom data and memberships in one call:
 * one aliased {@code roles(namespace: …)} selection per namespace ({@code r0}, {@code r1}…).
 */
final class UserBatchDocument {
  private static final String MEMBERSHIPS = " groups { totalCount list { code name } }"
      + " departments { totalCount list { department { id orgId code name } isMainDepartment } } ";

  private UserBatchDocument() {}

  static String build(List<String> namespaces) {
    StringBuilder roles = new StringBuilder();
    for (int i = 0; i < namespaces.size(); i++) {
      roles.append(" r").append(i).append(": roles(namespace: ").append(literal(namespaces.get(i)))
          .append(") { totalCount list { code namespace } }");
    }
    return "query userBatch($ids: [String!]!, $type: String) { userBatch(ids: $ids, type: $type) {" + Gql.USER + Gql.CDATA
        + MEMBERSHIPS + roles + " } }";
  }

  static User read(JsonNode n, List<String> namespaces) {
    Map<String, List<Role>> roles = new LinkedHashMap<>();
    for (int i = 0; i < namespaces.size(); i++) {
      roles.put(namespaces.get(i), Read.list(n.path("r" + i).path("list"), Read::role));
    }
    UserMemberships memberships = new UserMemberships(Read.list(n.path("groups").path("list"), Read::group), roles,
        Read.list(n.path("departments").path("list"), Read::userDepartment));
    return Read.user(n, memberships);
  }

  /** A GraphQL string literal (JSON string escaping is valid GraphQL). */
  private static String literal(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
