package io.dirsync.apply;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.FieldChange;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.UserLabel;
import io.dirsync.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Applies one operation: resolves users to directory ids, makes the calls through the
 * {@link CallPolicy}, records managed users. Creates are never blindly repeated: after an attempt
 * whose outcome is unknown, the next attempt first looks for what the lost one may have made.
 * Throws {@link DirectoryException} when a call finally fails.
 */
final class OperationRunner {

  /** How one operation ended; {@code userFailures} names users left out of a membership operation. */
  record Outcome(OperationOutcome outcome, String detail, List<Failure> userFailures) {
    static Outcome applied(String detail) {
      return new Outcome(OperationOutcome.APPLIED, detail, List.of());
    }
  }

  private static final Set<Integer> DUPLICATE_CODES = Set.of(2026, 2034, 2035);

  private final Directory directory;
  private final StateStore state;
  private final StateBuffer buffer;
  private final CallPolicy calls;
  private final Clock clock;
  private final String job;
  private final ConcurrentMap<ExternalId, String> ids;
  private final PlacedOnCreate placed;
  private final UserMoves moves;

  OperationRunner(Directory directory, StateStore state, StateBuffer buffer, CallPolicy calls, Clock clock, String job,
      ConcurrentMap<ExternalId, String> ids, PlacedOnCreate placed, UserMoves moves) {
    this.placed = placed;
    this.moves = moves;
    this.directory = directory;
    this.state = state;
    this.buffer = buffer;
    this.calls = calls;
    this.clock = clock;
    this.job = job;
    this.ids = ids;
  }

  Outcome run(Operation op) {
    if (op instanceof Operation.CreateUser c) return createUser(c.user());
    if (op instanceof Operation.UpdateUser u) return updateUser(u);
    if (op instanceof Operation.SetCustomData c) {
      String id = require(c.externalId(), c.userId());
      calls.run(() -> directory.setCustomData(id, values(c.changes())));
      return Outcome.applied(c.changes().size() + " value(s) set");
    }
    if (op instanceof Operation.SetMainDepartment m) {
      if (placed.hasMain(m.externalId(), m.departmentCode())) return Outcome.applied("main department " + m.departmentCode() + " set on create");
      String id = require(m.externalId(), null);
      UserMoves.Move move = moves.of(m.externalId());
      if (move != null) return move(m, id, move);
      calls.run(() -> directory.setMainDepartment(id, m.departmentCode()));
      return Outcome.applied("main department " + m.departmentCode());
    }
    if (op instanceof Operation.BlockUser b) return block(b);
    if (op instanceof Operation.DeleteUser d) {
      String id = require(d.externalId(), d.userId());
      calls.run(() -> directory.deleteUser(id));
      stateWrite(() -> state.forgetManaged(job, List.of(d.externalId())));
      return Outcome.applied("deleted");
    }
    return runStructure(op);
  }

  /** The user's department changes and main department in one call ({@code Directory.moveUser}). */
  private Outcome move(Operation.SetMainDepartment m, String id, UserMoves.Move move) {
    List<String> add = move.add().stream().filter(d -> !placed.inDepartment(m.externalId(), d)).toList();
    calls.run(() -> directory.moveUser(id, add, move.remove(), m.departmentCode()));
    moves.moved(m.externalId());
    return Outcome.applied("main department " + m.departmentCode() + (add.isEmpty() ? "" : ", added to " + String.join(", ", add))
        + (move.remove().isEmpty() ? "" : ", removed from " + String.join(", ", move.remove())) + ", in one call");
  }

  /**
   * Blocks a managed user. When the directory refuses because the user was deleted by hand, the
   * user is forgotten instead of failing on every later run.
   */
  private Outcome block(Operation.BlockUser b) {
    String id = require(b.externalId(), b.userId());
    try {
      calls.run(() -> directory.blockUser(id));
    } catch (DirectoryException e) {
      if (e.kind() != DirectoryException.Kind.PERMANENT || lookUpRetried(b.externalId()).isPresent()) throw e;
      stateWrite(() -> state.forgetManaged(job, List.of(b.externalId())));
      return new Outcome(OperationOutcome.SKIPPED, "the user no longer exists in the directory; no longer managed", List.of());
    }
    remember(b.externalId(), id, Values.hash("blocked"), true);
    return Outcome.applied("blocked and logged out");
  }

  private Optional<DirectoryUser> lookUpRetried(ExternalId id) {
    return calls.call(() -> directory.findByExternalId(id, Set.of()));
  }

  private Outcome runStructure(Operation op) {
    if (op instanceof Operation.CreateDepartment d) {
      createOnce(() -> calls.limit(directory::listDepartments).stream().anyMatch(x -> x.code().equals(d.code())),
          () -> directory.createDepartment(d.code(), d.name(), d.parentCode()));
      return Outcome.applied("created under " + (d.parentCode() == null ? "the root" : d.parentCode()));
    }
    if (op instanceof Operation.UpdateDepartment d) {
      if (!d.name().equals(d.previousName())) calls.run(() -> directory.renameDepartment(d.code(), d.name()));
      if (!java.util.Objects.equals(d.parentCode(), d.previousParentCode())) {
        calls.run(() -> directory.moveDepartment(d.code(), d.parentCode()));
      }
      return Outcome.applied("renamed/moved");
    }
    if (op instanceof Operation.CreateGroup g) {
      createOnce(() -> calls.limit(directory::listGroups).stream().anyMatch(x -> x.code().equals(g.code())),
          () -> directory.createGroup(g.code(), g.name()));
      return Outcome.applied("created");
    }
    if (op instanceof Operation.CreateRole r) {
      createOnce(() -> calls.limit(() -> directory.listRoles(r.role().namespace())).contains(r.role()),
          () -> directory.createRole(r.role()));
      return Outcome.applied("created");
    }
    if (op instanceof Operation.DeleteGroup g) {
      calls.run(() -> directory.deleteGroup(g.code()));
      return Outcome.applied("deleted: the group left the source");
    }
    if (op instanceof Operation.DeleteDepartment d) {
      calls.run(() -> directory.deleteDepartment(d.code()));
      return Outcome.applied("deleted: the department left the source");
    }
    return memberships(op);
  }

  private Outcome memberships(Operation op) {
    if (op instanceof Operation.AddToGroup a) return members(op, a.users(), "added to group " + a.groupCode(), x -> directory.addGroupMembers(a.groupCode(), x));
    if (op instanceof Operation.RemoveFromGroup r) return members(op, r.users(), "removed from group " + r.groupCode(), x -> directory.removeGroupMembers(r.groupCode(), x));
    if (op instanceof Operation.AssignRole a) return members(op, a.users(), "assigned role " + a.role(), x -> directory.assignRole(a.role(), x));
    if (op instanceof Operation.RevokeRole r) return members(op, r.users(), "revoked role " + r.role(), x -> directory.revokeRole(r.role(), x));
    if (op instanceof Operation.AddToDepartment a) {
      List<ExternalId> rest = a.users().stream().filter(u -> !placed.inDepartment(u, a.departmentCode()) && !moves.wasMoved(u)).toList();
      if (rest.isEmpty()) return Outcome.applied(a.users().size() + " user(s) put in department " + a.departmentCode() + " on create or with their main department");
      return members(op, rest, "added to department " + a.departmentCode(), x -> directory.addDepartmentMembers(a.departmentCode(), x));
    }
    if (op instanceof Operation.RemoveFromDepartment r) {
      List<ExternalId> rest = r.users().stream().filter(u -> !moves.wasMoved(u)).toList();
      if (rest.isEmpty()) return Outcome.applied(r.users().size() + " user(s) taken out of department " + r.departmentCode() + " with their main department");
      return members(op, rest, "removed from department " + r.departmentCode(), x -> directory.removeDepartmentMembers(r.departmentCode(), x));
    }
    throw new IllegalArgumentException("unknown operation " + op.kind());
  }

  private Outcome createUser(DesiredUser user) {
    boolean[] found = {false};
    DirectoryUser created = createOrFind(user, found);
    ids.put(user.externalId(), created.id());
    buffer.managed(new ManagedUser(user.externalId(), created.id(), Values.hash(user), false, clock.instant(), UserLabel.of(user)));
    Map<String, Object> drift = found[0] ? Values.differences(user, created) : Map.of();
    if (!drift.isEmpty()) calls.call(() -> directory.updateUser(created.id(), drift));
    // custom data the directory did not take with the create (or that an earlier lost create may lack)
    Map<String, Object> customData = new java.util.LinkedHashMap<>(user.customData());
    if (!found[0]) customData.keySet().removeAll(created.customData().keySet());
    if (!customData.isEmpty()) calls.run(() -> directory.setCustomData(created.id(), customData));
    // a main department the directory took with the create: the plan's SetMainDepartment is then done
    if (!found[0] && user.mainDepartment() != null && user.mainDepartment().equals(created.mainDepartment())) {
      placed.mainDepartment(user.externalId(), user.mainDepartment());
    }
    return Outcome.applied(found[0]
        ? "found " + created.id() + " after an unanswered create" + (drift.isEmpty() ? "" : "; fixed " + new java.util.TreeSet<>(drift.keySet()))
        : "created " + created.id());
  }

  /** Creates the user; after an attempt with an unknown outcome (or a duplicate on a retry), looks it up first. */
  private DirectoryUser createOrFind(DesiredUser user, boolean[] found) {
    boolean[] uncertain = {false};
    int[] attempts = {0};
    return calls.retry(() -> {
      boolean retrying = attempts[0]++ > 0;
      if (uncertain[0]) {
        Optional<DirectoryUser> existing = lookUp(user.externalId());
        if (existing.isPresent()) {
          found[0] = true;
          return existing.get();
        }
      }
      try {
        return calls.limit(() -> directory.createUser(user));
      } catch (DirectoryException e) {
        if (e.outcomeUnknown()) uncertain[0] = true;
        if (retrying && DUPLICATE_CODES.contains(e.code())) {
          Optional<DirectoryUser> existing = lookUp(user.externalId());
          if (existing.isPresent()) {
            found[0] = true;
            return existing.get();
          }
        }
        throw e;
      }
    });
  }

  private Optional<DirectoryUser> lookUp(ExternalId id) {
    return calls.limit(() -> directory.findByExternalId(id, Set.of()));
  }

  /** Creates groups together (a batching directory); after a lost answer only the groups still missing are created. */
  Outcome createGroups(List<Operation.CreateGroup> groups) {
    boolean[] uncertain = {false};
    calls.retry(() -> {
      List<Operation.CreateGroup> missing = groups;
      if (uncertain[0]) {
        Set<String> existing = new java.util.HashSet<>();
        calls.limit(directory::listGroups).forEach(g -> existing.add(g.code()));
        missing = groups.stream().filter(g -> !existing.contains(g.code())).toList();
      }
      List<io.dirsync.model.DirectoryGroup> create = missing.stream().map(g -> new io.dirsync.model.DirectoryGroup(g.code(), g.name(), null)).toList();
      if (create.isEmpty()) return null;
      try {
        calls.limit(() -> {
          directory.createGroups(create);
          return null;
        });
        return null;
      } catch (DirectoryException e) {
        if (e.outcomeUnknown()) uncertain[0] = true;
        throw e;
      }
    });
    return Outcome.applied("created together with " + (groups.size() - 1) + " more group(s)");
  }

  /** Creates roles together (a batching directory); after a lost answer only the roles still missing are created. */
  Outcome createRoles(List<io.dirsync.model.RoleRef> roles) {
    boolean[] uncertain = {false};
    calls.retry(() -> {
      List<io.dirsync.model.RoleRef> missing = roles;
      if (uncertain[0]) {
        Set<io.dirsync.model.RoleRef> existing = new java.util.HashSet<>();
        for (String namespace : new java.util.TreeSet<>(roles.stream().map(io.dirsync.model.RoleRef::namespace).toList())) {
          existing.addAll(calls.limit(() -> directory.listRoles(namespace)));
        }
        missing = roles.stream().filter(r -> !existing.contains(r)).toList();
      }
      List<io.dirsync.model.RoleRef> create = missing;
      if (create.isEmpty()) return null;
      try {
        calls.limit(() -> {
          directory.createRoles(create);
          return null;
        });
        return null;
      } catch (DirectoryException e) {
        if (e.outcomeUnknown()) uncertain[0] = true;
        throw e;
      }
    });
    return Outcome.applied("created together with " + (roles.size() - 1) + " more role(s)");
  }

  /** A create that is not repeated when a lost attempt already made it. */
  private void createOnce(BooleanSupplier exists, Runnable create) {
    boolean[] uncertain = {false};
    calls.retry(() -> {
      if (uncertain[0] && exists.getAsBoolean()) return null;
      try {
        calls.limit(() -> {
          create.run();
          return null;
        });
        return null;
      } catch (DirectoryException e) {
        if (e.outcomeUnknown()) uncertain[0] = true;
        throw e;
      }
    });
  }

  private Outcome updateUser(Operation.UpdateUser u) {
    String id = require(u.externalId(), u.userId());
    Map<String, Object> changes = values(u.changes());
    calls.call(() -> directory.updateUser(id, changes));
    remember(u.externalId(), id, Values.hash(changes), false);
    return Outcome.applied(u.changes().size() + " field(s) updated");
  }

  private Outcome members(Operation op, List<ExternalId> users, String what, Consumer<List<String>> call) {
    List<String> resolved = new ArrayList<>();
    List<Failure> missing = new ArrayList<>();
    for (ExternalId user : users) {
      String id = ids.get(user);
      if (id != null) resolved.add(id);
      else missing.add(new Failure(op.kind(), user.value(), "not " + what + ": the user has no directory id (its create failed or it is gone)"));
    }
    if (resolved.isEmpty()) {
      return new Outcome(OperationOutcome.FAILED, "no user of the operation has a directory id", missing);
    }
    calls.run(() -> call.accept(resolved));
    String detail = resolved.size() + " user(s) " + what + (missing.isEmpty() ? "" : "; " + missing.size() + " left out");
    return new Outcome(OperationOutcome.APPLIED, detail, missing);
  }

  private String require(ExternalId user, String known) {
    String id = known != null ? known : ids.get(user);
    if (id == null) {
      throw new DirectoryException(DirectoryException.Kind.PERMANENT, 0, 0,
          "user " + user + " has no directory id (its create failed or it is gone)", null);
    }
    return id;
  }

  private void remember(ExternalId user, String id, String hash, boolean removed) {
    buffer.managed(new ManagedUser(user, id, hash, removed, clock.instant()));
  }

  /** Thrown when the state store cannot record a change that was applied: the run must stop. */
  static final class StateStoreFailure extends RuntimeException {
    StateStoreFailure(RuntimeException cause) {
      super("applied, but the state store could not record it: " + cause.getMessage(), cause);
    }
  }

  private static void stateWrite(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      throw new StateStoreFailure(e);
    }
  }

  private static Map<String, Object> values(List<FieldChange> changes) {
    Map<String, Object> out = new HashMap<>();
    changes.forEach(c -> out.put(c.field(), c.after()));
    return out;
  }
}
