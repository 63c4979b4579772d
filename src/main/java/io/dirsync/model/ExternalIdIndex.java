package io.dirsync.model;

import java.util.List;

/**
 * Where each externalId sits in a list of desired users: an open-addressing table of positions
 * (8 to 16 bytes a user), so finding a user is one hash and one equals. A plan names users about
 * once per membership it changes (500,000 times in a first sync of 100,000 users) and the report
 * names them again; a binary search costs 17 string comparisons each time. The first of a repeated
 * externalId is the one found. Immutable.
 */
public final class ExternalIdIndex {
  private final List<DesiredUser> users;
  private final int[] slots; // position + 1; 0 is empty
  private final int mask;
  private final int shift;

  public ExternalIdIndex(List<DesiredUser> users) {
    this.users = users;
    int capacity = Integer.highestOneBit(Math.max(4, users.size() * 2 - 1)) << 1;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
    for (int i = 0; i < users.size(); i++) {
      ExternalId id = users.get(i).externalId();
      int at = slotOf(id);
      if (slots[at] == 0) slots[at] = i + 1;
    }
  }

  public List<DesiredUser> users() {
    return users;
  }

  /** The position of the first user with {@code id}, or -1. */
  public int indexOf(ExternalId id) {
    if (id == null) return -1;
    return slots[slotOf(id)] - 1;
  }

  /** The slot holding {@code id}, or the empty slot where it belongs. */
  private int slotOf(ExternalId id) {
    int at = (id.value().hashCode() * 0x9E3779B9) >>> shift; // Fibonacci hashing: the high bits of the product
    while (slots[at] != 0) {
      ExternalId here = users.get(slots[at] - 1).externalId();
      if (here == id || here.equals(id)) return at; // operations usually hold the desired user's own id
      at = (at + 1) & mask;
    }
    return at;
  }
}
