package io.dirsync.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one run would make, as a value: {@code dirsync plan} prints it, {@code sync} applies
 * it, {@code apply} applies a saved one.
 *
 * @param job the job it was made for
 * @param createdAt when it was made
 * @param operations the changes, in apply order
 * @param sourceUsers users the source delivered (after mapping)
 * @param unchanged users that need no change
 * @param managedUsers users dirsync managed before this run
 * @param skipped source entries that could not be mapped
 * @param retired managed groups, roles and departments that left the source and whose managed
 *     memberships the plan revokes ("group Admins", "role default:admin", "department 3f2a…"), sorted
 * @param users how to name, in plans and reports, each user the operations mention (by externalId)
 */
public record Plan(
    String job,
    Instant createdAt,
    List<Operation> operations,
    int sourceUsers,
    int unchanged,
    int managedUsers,
    List<SkippedEntry> skipped,
    List<String> retired,
    Map<ExternalId, UserLabel> users) {

  public Plan {
    operations = operations.stream().sorted(Comparator.comparingInt(o -> o.kind().phase())).toList();
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    retired = retired == null ? List.of() : retired.stream().sorted().toList();
    users = users == null ? Map.of() : users instanceof UserLabels lazy ? lazy : Map.copyOf(users);
  }

  /** A plan that retires nothing and names its users by externalId only. */
  public Plan(String job, Instant createdAt, List<Operation> operations, int sourceUsers, int unchanged, int managedUsers,
      List<SkippedEntry> skipped) {
    this(job, createdAt, operations, sourceUsers, unchanged, managedUsers, skipped, List.of(), Map.of());
  }

  /** A plan that names its users by externalId only. */
  public Plan(String job, Instant createdAt, List<Operation> operations, int sourceUsers, int unchanged, int managedUsers,
      List<SkippedEntry> skipped, List<String> retired) {
    this(job, createdAt, operations, sourceUsers, unchanged, managedUsers, skipped, retired, Map.of());
  }

  /** The user's label, or an empty one when the plan does not know it. */
  public UserLabel label(ExternalId id) {
    return users.getOrDefault(id, new UserLabel(null, null, null));
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  public Map<OperationKind, Integer> countsByKind() {
    Map<OperationKind, Integer> counts = new EnumMap<>(OperationKind.class);
    operations.forEach(op -> counts.merge(op.kind(), 1, Integer::sum));
    return counts;
  }

  /** Users the plan would block or delete. */
  public long removals() {
    return operations.stream().filter(op -> op.kind().isRemoval()).count();
  }
}
