package io.dirsync.directory.authing;

import java.util.Collection;
import java.util.List;

/** Policy assignments of any target type (USER, ROLE, GROUP, ORG, AK_SK). Thread-safe. */
public final class PoliciesApi {
  private final Transport t;

  PoliciesApi(Transport transport) {
    this.t = transport;
  }

  public Paginated<PolicyAssignment> listAssignments(String targetType, String targetIdentifier, int page, int limit) {
    Vars vars = Vars.of("targetType", targetType).put("targetIdentifier", targetIdentifier).put("page", page).put("limit", limit);
    return Read.page(t.graphql("policyAssignments", Gql.POLICY_ASSIGNMENTS, vars.map()), Read::policyAssignment);
  }

  public CommonMessage addAssignments(Collection<String> policyCodes, String targetType, Collection<String> targetIdentifiers) {
    Vars vars = Vars.of("policies", List.copyOf(policyCodes)).put("targetType", targetType)
        .put("targetIdentifiers", List.copyOf(targetIdentifiers));
    return Read.message(t.graphql("addPolicyAssignments", Gql.ADD_POLICY_ASSIGNMENTS, vars.map()));
  }

  public CommonMessage removeAssignments(Collection<String> policyCodes, String targetType, Collection<String> targetIdentifiers) {
    Vars vars = Vars.of("policies", List.copyOf(policyCodes)).put("targetType", targetType)
        .put("targetIdentifiers", List.copyOf(targetIdentifiers));
    return Read.message(t.graphql("removePolicyAssignments", Gql.REMOVE_POLICY_ASSIGNMENTS, vars.map()));
  }
}
