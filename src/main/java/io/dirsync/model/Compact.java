package io.dirsync.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Immutable sorted maps and sets in plain arrays, for values held once per user: a user's three
 * groups take one 3-slot array instead of a TreeSet, a TreeMap and three tree nodes (a 100,000-user
 * run holds a few million of them). Natural ordering only; look-ups by binary search.
 */
final class Compact {
  private Compact() {}

  /** A sorted, unmodifiable copy of {@code in} (natural order of the keys). */
  static <K extends Comparable<? super K>, V> Map<K, V> sortedMap(Map<K, V> in) {
    if (in == null || in.isEmpty()) return Map.of();
    TreeMap<K, V> sorted = new TreeMap<>(in);
    Object[] keys = new Object[sorted.size()];
    Object[] values = new Object[sorted.size()];
    int i = 0;
    for (Map.Entry<K, V> e : sorted.entrySet()) {
      keys[i] = e.getKey();
      values[i++] = e.getValue();
    }
    return new ArrayMap<>(keys, values);
  }

  /** A sorted, unmodifiable copy of {@code in} (natural order). */
  static <T extends Comparable<? super T>> SortedSet<T> sortedSet(Collection<T> in) {
    if (in == null || in.isEmpty()) return Collections.emptySortedSet();
    if (in instanceof ArraySet<T> already) return already;
    Object[] items = sortedArray(in);
    return new ArraySet<>(items, 0, items.length);
  }

  /** {@code in}'s distinct elements in natural order. */
  static <T extends Comparable<? super T>> Object[] sortedArray(Collection<T> in) {
    if (in == null || in.isEmpty()) return new Object[0];
    if (in instanceof ArraySet<T> set) return Arrays.copyOfRange(set.items, set.from, set.to);
    return new TreeSet<>(in).toArray();
  }

  /** An unmodifiable sorted set over {@code items[from … to)}, which are sorted and distinct and not changed after. */
  static <T> SortedSet<T> view(Object[] items, int from, int to) {
    return from == to ? Collections.emptySortedSet() : new ArraySet<>(items, from, to);
  }

  private static final class ArrayMap<K, V> extends AbstractMap<K, V> {
    private final Object[] keys;
    private final Object[] values;

    ArrayMap(Object[] keys, Object[] values) {
      this.keys = keys;
      this.values = values;
    }

    private int index(Object key) {
      if (key == null) return -1;
      try {
        return Arrays.binarySearch(keys, key);
      } catch (ClassCastException e) {
        return -1;
      }
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
      return index(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
      int i = index(key);
      return i >= 0 ? (V) values[i] : null;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return keys.length;
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < keys.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map.Entry<K, V> next() {
              if (next >= keys.length) throw new NoSuchElementException();
              int i = next++;
              return new AbstractMap.SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
            }
          };
        }
      };
    }
  }

  private static final class ArraySet<T> extends AbstractSet<T> implements SortedSet<T> {
    private final Object[] items;
    private final int from;
    private final int to;

    ArraySet(Object[] items, int from, int to) {
      this.items = items;
      this.from = from;
      this.to = to;
    }

    @Override
    public int size() {
      return to - from;
    }

    @Override
    public boolean contains(Object o) {
      if (o == null) return false;
      try {
        return Arrays.binarySearch(items, from, to, o) >= 0;
      } catch (ClassCastException e) {
        return false;
      }
    }

    @Override
    public Iterator<T> iterator() {
      return new Iterator<>() {
        private int next = from;

        @Override
        public boolean hasNext() {
          return next < to;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
          if (next >= to) throw new NoSuchElementException();
          return (T) items[next++];
        }
      };
    }

    @Override
    public java.util.Comparator<? super T> comparator() {
      return null;
    }

    @Override
    public SortedSet<T> subSet(T from, T to) {
      return range(from, to);
    }

    @Override
    public SortedSet<T> headSet(T to) {
      return range(null, to);
    }

    @Override
    public SortedSet<T> tailSet(T from) {
      return range(from, null);
    }

    /** Views are rare (tests, reports): a sorted copy of the range. */
    @SuppressWarnings("unchecked")
    private SortedSet<T> range(T low, T high) {
      TreeSet<Object> all = new TreeSet<>(Arrays.asList(items).subList(from, to));
      SortedSet<Object> part = low == null ? all.headSet(high) : high == null ? all.tailSet(low) : all.subSet(low, high);
      return Collections.unmodifiableSortedSet((SortedSet<T>) (SortedSet<?>) new TreeSet<>(part));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T first() {
      if (from == to) throw new NoSuchElementException();
      return (T) items[from];
    }

    @Override
    @SuppressWarnings("unchecked")
    public T last() {
      if (from == to) throw new NoSuchElementException();
      return (T) items[to - 1];
    }
  }
}
