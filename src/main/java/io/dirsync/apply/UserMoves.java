package io.dirsync.apply;

import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a directory that moves a user in one call ({@code Directory.movesUsersInOneCall}): the users
 * whose main department the plan sets (and that were not placed there on create), each with the
 * departments the plan adds it to and takes it out of, and which of them were moved. A moved
 * user's department member operations are done; a user whose move failed is left to them.
 */
final class UserMoves {

  /** Department codes the plan adds the user to and takes it out of. */
  record Move(List<String> add, List<String> remove) {}

  private final Map<ExternalId, Move> moves = new ConcurrentHashMap<>();
  private final Set<ExternalId> moved = ConcurrentHashMap.newKeySet();

  /** Reads the moves from the plan's operations, once the creates are done (users placed on create are no moves). */
  void load(List<Operation> operations, PlacedOnCreate placed) {
    for (Operation op : operations) {
      if (op instanceof Operation.SetMainDepartment m && m.departmentCode() != null && !placed.hasMain(m.externalId(), m.departmentCode())) {
        moves.put(m.externalId(), new Move(new ArrayList<>(), new ArrayList<>()));
      }
    }
    if (moves.isEmpty()) return;
    for (Operation op : operations) {
      if (op instanceof Operation.AddToDepartment a) a.users().forEach(u -> put(u, a.departmentCode(), true));
      if (op instanceof Operation.RemoveFromDepartment r) r.users().forEach(u -> put(u, r.departmentCode(), false));
    }
  }

  /** The user's move, or null when the user has none. */
  Move of(ExternalId user) {
    return moves.get(user);
  }

  void moved(ExternalId user) {
    moved.add(user);
  }

  /** Whether the user was moved, so its department member operations are done. */
  boolean wasMoved(ExternalId user) {
    return moved.contains(user);
  }

  private void put(ExternalId user, String code, boolean add) {
    Move m = moves.get(user);
    if (m == null) return;
    List<String> codes = add ? m.add() : m.remove();
    if (!codes.contains(code)) codes.add(code);
  }
}
