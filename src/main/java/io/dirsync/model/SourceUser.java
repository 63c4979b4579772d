package io.dirsync.model;

import java.util.SortedSet;

/**
 * What the last applied run knew of one user entry of the source (delta sync).
 *
 * @param key the entry's stable key (objectGUID, entryUUID)
 * @param dn the entry's DN then
 * @param externalId the externalId the mapping gave it, or null when it was not mapped
 * @param groupsDigest a digest of the keys of the source groups that contained the entry
 * @param groups group codes applied to the user
 * @param roles roles applied
 * @param departments department codes applied
 * @param mainDepartment main department applied, or null
 */
public record SourceUser(String key, String dn, ExternalId externalId, String groupsDigest, SortedSet<String> groups,
    SortedSet<RoleRef> roles, SortedSet<String> departments, String mainDepartment) {

  public SourceUser {
    if (key == null || key.isBlank()) throw new IllegalArgumentException("key is required");
    if (dn == null) throw new IllegalArgumentException("dn is required for " + key);
    if (groupsDigest == null) throw new IllegalArgumentException("groupsDigest is required for " + key);
    groups = Compact.sortedSet(groups);
    roles = Compact.sortedSet(roles);
    departments = Compact.sortedSet(departments);
  }
}
