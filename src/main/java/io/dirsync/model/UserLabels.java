package io.dirsync.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plan's user names without a copy per user: the labels of desired users are made from the
 * {@link DesiredUser}s the plan's operations already hold (a bit per user says which ones the plan
 * names), the few others (users gone from the source) are kept as they are. Immutable; iterates in
 * externalId order.
 */
public final class UserLabels extends AbstractMap<ExternalId, UserLabel> {
  private final ExternalIdIndex index;
  private final List<DesiredUser> desired;
  private final BitSet named;
  private final SortedMap<ExternalId, UserLabel> others;
  private final int size;

  /**
   * @param index desired users sorted by externalId, without duplicates
   * @param named the positions in {@code index} of the users to name (those whose label is blank are left out)
   * @param others labels of users not in {@code index}
   */
  public UserLabels(ExternalIdIndex index, BitSet named, Map<ExternalId, UserLabel> others) {
    this.index = index;
    this.desired = index.users();
    this.named = (BitSet) named.clone();
    for (int i = this.named.nextSetBit(0); i >= 0; i = this.named.nextSetBit(i + 1)) {
      if (UserLabel.of(desired.get(i)).blank()) this.named.clear(i);
    }
    this.others = Collections.unmodifiableSortedMap(new TreeMap<>(others));
    this.size = this.named.cardinality() + this.others.size();
  }

  private int position(Object key) {
    if (!(key instanceof ExternalId id)) return -1;
    int i = index.indexOf(id);
    return i >= 0 && named.get(i) ? i : -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return position(key) >= 0 || others.containsKey(key);
  }

  @Override
  public UserLabel get(Object key) {
    int i = position(key);
    return i >= 0 ? UserLabel.of(desired.get(i)) : others.get(key);
  }

  @Override
  public Set<Map.Entry<ExternalId, UserLabel>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<ExternalId, UserLabel>> iterator() {
        return new Iterator<>() {
          private int next = named.nextSetBit(0);
          private final Iterator<Map.Entry<ExternalId, UserLabel>> rest = others.entrySet().iterator();
          private Map.Entry<ExternalId, UserLabel> other = rest.hasNext() ? rest.next() : null;

          @Override
          public boolean hasNext() {
            return next >= 0 || other != null;
          }

          @Override
          public Map.Entry<ExternalId, UserLabel> next() {
            if (!hasNext()) throw new NoSuchElementException();
            DesiredUser u = next >= 0 ? desired.get(next) : null;
            if (u != null && (other == null || u.externalId().compareTo(other.getKey()) < 0)) {
              next = named.nextSetBit(next + 1);
              return new AbstractMap.SimpleImmutableEntry<>(u.externalId(), UserLabel.of(u));
            }
            Map.Entry<ExternalId, UserLabel> out = other;
            other = rest.hasNext() ? rest.next() : null;
            return out;
          }
        };
      }
    };
  }
}
