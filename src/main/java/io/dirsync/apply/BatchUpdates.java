package io.dirsync.apply;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.UserUpdate;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationOutcome;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * Field updates, custom-data writes, blocks and deletes of users in batches
 * ({@code Directory.updateUsers} / {@code deleteUsers}) for directories that have them, with an
 * outcome per operation. Each batch sets values (or deletes): after a lost answer the same batch is
 * sent again, which can neither duplicate nor lose a change. A batch the directory refuses as a
 * whole is left to the caller to repeat one operation at a time.
 */
final class BatchUpdates {
  private final Directory directory;
  private final StateStore state;
  private final StateBuffer buffer;
  private final CallPolicy calls;
  private final Clock clock;
  private final String job;
  private final ConcurrentMap<ExternalId, String> ids;

  BatchUpdates(Directory directory, StateStore state, StateBuffer buffer, CallPolicy calls, Clock clock, String job,
      ConcurrentMap<ExternalId, String> ids) {
    this.directory = directory;
    this.state = state;
    this.buffer = buffer;
    this.calls = calls;
    this.clock = clock;
    this.job = job;
    this.ids = ids;
  }

  static boolean batchable(Operation op) {
    return op instanceof Operation.UpdateUser || op instanceof Operation.SetCustomData || op instanceof Operation.BlockUser
        || op instanceof Operation.DeleteUser;
  }

  /**
   * The operations in batches of at most {@code size} users, in plan order: a user's operations go
   * in the same batch, deletes in batches of their own.
   */
  static List<List<Operation>> batches(List<Operation> ops, int size) {
    List<List<Operation>> out = new ArrayList<>();
    for (boolean deletes : new boolean[] {false, true}) {
      Map<ExternalId, List<Operation>> byUser = new LinkedHashMap<>();
      ops.stream().filter(op -> (op instanceof Operation.DeleteUser) == deletes)
          .forEach(op -> byUser.computeIfAbsent(user(op), k -> new ArrayList<>()).add(op));
      List<Operation> batch = new ArrayList<>();
      int users = 0;
      for (List<Operation> mine : byUser.values()) {
        if (users == size) {
          out.add(batch);
          batch = new ArrayList<>();
          users = 0;
        }
        batch.addAll(mine);
        users++;
      }
      if (!batch.isEmpty()) out.add(batch);
    }
    return out;
  }

  /**
   * Applies one batch from {@link #batches}: an outcome per operation, in order. Operations whose
   * user has no directory id fail alone. Throws {@link DirectoryException} when the batch call
   * finally fails as a whole.
   */
  List<OperationRunner.Outcome> apply(List<Operation> ops) {
    Map<Integer, OperationRunner.Outcome> outcomes = new HashMap<>();
    Map<String, List<Operation>> byId = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      String id = directoryId(op);
      if (id == null) {
        outcomes.put(i, new OperationRunner.Outcome(OperationOutcome.FAILED,
            "user " + user(op) + " has no directory id (its create failed or it is gone)", List.of()));
      } else {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(op);
      }
    }
    if (!byId.isEmpty()) {
      String batch = " (batch of " + byId.size() + " user(s))";
      if (ops.get(0) instanceof Operation.DeleteUser) delete(byId);
      else update(byId);
      for (int i = 0; i < ops.size(); i++) {
        if (!outcomes.containsKey(i)) outcomes.put(i, OperationRunner.Outcome.applied(done(ops.get(i)) + batch));
      }
    }
    List<OperationRunner.Outcome> out = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) out.add(outcomes.get(i));
    return out;
  }

  private void update(Map<String, List<Operation>> byId) {
    List<UserUpdate> updates = new ArrayList<>();
    byId.forEach((id, mine) -> {
      Map<String, Object> fields = new LinkedHashMap<>();
      Map<String, Object> custom = new LinkedHashMap<>();
      boolean block = false;
      for (Operation op : mine) {
        if (op instanceof Operation.UpdateUser u) fields.putAll(values(u.changes()));
        else if (op instanceof Operation.SetCustomData c) custom.putAll(values(c.changes()));
        else if (op instanceof Operation.BlockUser) block = true;
      }
      updates.add(new UserUpdate(id, fields, custom, block));
    });
    calls.run(() -> directory.updateUsers(updates));
    byId.forEach((id, mine) -> {
      for (Operation op : mine) {
        if (op instanceof Operation.UpdateUser u) remember(u.externalId(), id, Values.hash(values(u.changes())), false);
        else if (op instanceof Operation.BlockUser b) remember(b.externalId(), id, Values.hash("blocked"), true);
      }
    });
  }

  private void delete(Map<String, List<Operation>> byId) {
    calls.run(() -> directory.deleteUsers(List.copyOf(byId.keySet())));
    Set<ExternalId> gone = new LinkedHashSet<>();
    byId.values().forEach(mine -> mine.forEach(op -> gone.add(user(op))));
    try {
      state.forgetManaged(job, List.copyOf(gone));
    } catch (RuntimeException e) {
      throw new OperationRunner.StateStoreFailure(e);
    }
  }

  private String directoryId(Operation op) {
    String known = op instanceof Operation.UpdateUser u ? u.userId()
        : op instanceof Operation.SetCustomData c ? c.userId()
        : op instanceof Operation.BlockUser b ? b.userId()
        : ((Operation.DeleteUser) op).userId();
    return known != null ? known : ids.get(user(op));
  }

  private static ExternalId user(Operation op) {
    if (op instanceof Operation.UpdateUser u) return u.externalId();
    if (op instanceof Operation.SetCustomData c) return c.externalId();
    if (op instanceof Operation.BlockUser b) return b.externalId();
    return ((Operation.DeleteUser) op).externalId();
  }

  private static String done(Operation op) {
    if (op instanceof Operation.UpdateUser u) return u.changes().size() + " field(s) updated";
    if (op instanceof Operation.SetCustomData c) return c.changes().size() + " value(s) set";
    if (op instanceof Operation.BlockUser) return "blocked";
    return "deleted";
  }

  private void remember(ExternalId user, String id, String hash, boolean removed) {
    buffer.managed(new ManagedUser(user, id, hash, removed, clock.instant()));
  }

  private static Map<String, Object> values(List<FieldChange> changes) {
    Map<String, Object> out = new HashMap<>();
    changes.forEach(c -> out.put(c.field(), c.after()));
    return out;
  }
}
