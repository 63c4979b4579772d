package io.dirsync.sync;

import io.dirsync.apply.RetryingReads;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SourceUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delta run's users with the memberships dirsync last applied to them (the previous run applied
 * everything, so the directory holds those, short of hand edits that the next full run corrects).
 * A user with no such record (adopted, or its externalId changed) has its memberships read on its
 * own: {@code findByExternalIds} with memberships, batched.
 */
final class AppliedMemberships {
  private AppliedMemberships() {}

  static List<DirectoryUser> of(List<DirectoryUser> found, Map<ExternalId, SourceUser> applied, RetryingReads directory,
      Set<String> namespaces) {
    List<DirectoryUser> out = new ArrayList<>(found.size());
    List<ExternalId> unknown = new ArrayList<>();
    Map<ExternalId, DirectoryUser> unknownUsers = new HashMap<>();
    for (DirectoryUser u : found) {
      SourceUser record = u.externalId() == null ? null : applied.get(u.externalId());
      if (record != null) {
        out.add(u.withMemberships(record.groups(), record.roles(), record.departments(), record.mainDepartment()));
      } else if (u.externalId() != null) {
        unknown.add(u.externalId());
        unknownUsers.put(u.externalId(), u);
      } else {
        out.add(u);
      }
    }
    int size = directory.lookupBatchSize();
    for (int i = 0; i < unknown.size(); i += size) {
      for (DirectoryUser full : directory.findByExternalIds(unknown.subList(i, Math.min(unknown.size(), i + size)), true, namespaces)) {
        DirectoryUser compared = unknownUsers.remove(full.externalId());
        if (compared == null) continue;
        out.add(compared.withMemberships(full.groups(), full.roles(), full.departments(), full.mainDepartment()));
      }
    }
    out.addAll(unknownUsers.values());
    return out;
  }
}
