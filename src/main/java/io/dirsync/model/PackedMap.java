package io.dirsync.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable, sorted view of {@code count} packed values from slot {@code firstSlot} on, keyed
 * by {@code keys[from … from + count)} (sorted). Made on each access of a desired user's fields or
 * custom data; each read value is a new String, so the view holds nothing of its own.
 */
final class PackedMap extends AbstractMap<String, Object> {
  private final String[] keys;
  private final int from;
  private final int count;
  private final byte[] data;
  private final Object[] others;
  private final int firstSlot;

  PackedMap(String[] keys, int from, int count, byte[] data, Object[] others, int firstSlot) {
    this.keys = keys;
    this.from = from;
    this.count = count;
    this.data = data;
    this.others = others;
    this.firstSlot = firstSlot;
  }

  private int index(Object key) {
    if (!(key instanceof String)) return -1;
    int i = Arrays.binarySearch(keys, from, from + count, key);
    return i < 0 ? -1 : i - from;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return index(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = index(key);
    return i < 0 ? null : Packed.get(data, others, firstSlot + i);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    Packed.Cursor cursor = new Packed.Cursor(data, others).skip(firstSlot);
    for (int i = 0; i < count; i++) action.accept(keys[from + i], cursor.next());
  }

  /** Not cached (AbstractMap would keep it in a field): the view is made anew on each access. */
  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return count;
      }

      @Override
      public boolean contains(Object o) {
        return index(o) >= 0;
      }

      @Override
      public Iterator<String> iterator() {
        return Arrays.asList(keys).subList(from, from + count).iterator();
      }
    };
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return count;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private final Packed.Cursor cursor = new Packed.Cursor(data, others).skip(firstSlot);
          private int next;

          @Override
          public boolean hasNext() {
            return next < count;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= count) throw new NoSuchElementException();
            return new AbstractMap.SimpleImmutableEntry<>(keys[from + next++], cursor.next());
          }
        };
      }
    };
  }
}
