package io.dirsync.mapping.join;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A join mapping's rules, as read from its {@code join:} section. Every list names sources, first
 * choice first. Immutable.
 *
 * @param externalId whose externalId the person gets (the first source the person is in)
 * @param order the default precedence for everything not named below
 * @param require who counts: a person must be in every one of these sources to be a user; a
 *     person missing from another source is synced from the sources it is in
 * @param fields per user field, which source's value wins (the next one is used when it has none)
 * @param customData per custom field, likewise
 * @param groups whose groups the person gets (the first source the person is in)
 * @param roles whose roles, likewise
 * @param departments whose departments (and main department), likewise
 * @param leavers when a person is blocked because HR says they left, or null
 */
record JoinRules(List<String> externalId, List<String> order, Set<String> require, Map<String, List<String>> fields,
    Map<String, List<String>> customData, List<String> groups, List<String> roles, List<String> departments,
    LeaverRule leavers) {

  JoinRules {
    externalId = List.copyOf(externalId);
    order = List.copyOf(order);
    require = Set.copyOf(require);
    fields = Map.copyOf(fields);
    customData = Map.copyOf(customData);
    groups = List.copyOf(groups);
    roles = List.copyOf(roles);
    departments = List.copyOf(departments);
  }

  List<String> field(String name) {
    return fields.getOrDefault(name, order);
  }

  List<String> custom(String key) {
    return customData.getOrDefault(key, order);
  }
}
