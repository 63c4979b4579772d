package io.dirsync.apply;

import io.dirsync.directory.CreateResult;
import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.UserLabel;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates users in batches ({@code Directory.createUsers}) for directories that have a batch
 * create, with an outcome per user. A batch whose answer was lost is not blindly repeated: its users
 * are looked up by externalId first, and only those not found are created again.
 */
final class BatchCreates {
  private final Directory directory;
  private final StateStore state;
  private final CallPolicy calls;
  private final Clock clock;
  private final String job;
  private final ConcurrentMap<ExternalId, String> ids;
  private final PlacedOnCreate placed;

  BatchCreates(Directory directory, StateStore state, CallPolicy calls, Clock clock, String job,
      ConcurrentMap<ExternalId, String> ids, PlacedOnCreate placed) {
    this.directory = directory;
    this.state = state;
    this.calls = calls;
    this.clock = clock;
    this.job = job;
    this.ids = ids;
    this.placed = placed;
  }

  /** Creates the users; throws {@link DirectoryException} when the batch finally fails as a whole. */
  Map<ExternalId, OperationRunner.Outcome> create(List<DesiredUser> users) {
    Map<ExternalId, OperationRunner.Outcome> outcomes = new LinkedHashMap<>();
    Map<ExternalId, DirectoryUser> found = new HashMap<>();
    boolean[] uncertain = {false};
    List<CreateResult> results = calls.retry(() -> {
      if (uncertain[0]) {
        List<ExternalId> open = users.stream().map(DesiredUser::externalId).filter(e -> !found.containsKey(e)).toList();
        calls.limit(() -> directory.findByExternalIds(open, false, Set.of())).forEach(u -> found.put(u.externalId(), u));
      }
      List<DesiredUser> pending = users.stream().filter(u -> !found.containsKey(u.externalId())).toList();
      if (pending.isEmpty()) return List.of();
      try {
        return calls.limit(() -> directory.createUsers(pending));
      } catch (DirectoryException e) {
        if (e.outcomeUnknown()) uncertain[0] = true;
        throw e;
      }
    });
    List<ManagedUser> managed = new ArrayList<>();
    for (DesiredUser user : users) {
      DirectoryUser existing = found.get(user.externalId());
      if (existing == null) continue;
      Map<String, Object> drift = Values.differences(user, existing);
      if (!drift.isEmpty()) calls.call(() -> directory.updateUser(existing.id(), drift));
      managed.add(placed(user, existing.id()));
      outcomes.put(user.externalId(), OperationRunner.Outcome.applied("found " + existing.id() + " after an unanswered batch create"
          + (drift.isEmpty() ? "" : "; fixed " + new java.util.TreeSet<>(drift.keySet()))));
    }
    for (CreateResult r : results) {
      if (r.failure() != null) {
        outcomes.put(r.user().externalId(), new OperationRunner.Outcome(OperationOutcome.FAILED, r.failure().getMessage(), List.of()));
        continue;
      }
      managed.add(placed(r.user(), r.created().id()));
      outcomes.put(r.user().externalId(), OperationRunner.Outcome.applied("created " + r.created().id() + " (batch of " + users.size() + ")"));
    }
    try {
      if (!managed.isEmpty()) state.saveManaged(job, managed);
    } catch (RuntimeException e) {
      throw new OperationRunner.StateStoreFailure(e);
    }
    return outcomes;
  }

  private ManagedUser placed(DesiredUser user, String id) {
    ids.put(user.externalId(), id);
    placed.add(user);
    return new ManagedUser(user.externalId(), id, Values.hash(user), false, clock.instant(), UserLabel.of(user));
  }
}
