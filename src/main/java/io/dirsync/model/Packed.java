package io.dirsync.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A short row of values in one byte array: each string as its Latin-1 (or, when it needs more,
 * UTF-8) bytes after a length, anything else (Boolean, Long, Double) kept as an object aside. A
 * desired user's DN and field values take one array instead of a String and a byte array each
 * (~45 bytes of headers and padding per value; a million users hold ~8 million of them).
 * Reading slot {@code i} skips the lengths before it and copies the bytes into a new String.
 */
final class Packed {
  private static final int NULL = 0;
  private static final int OTHER = 1;
  private static final int LATIN1 = 2;
  private static final int UTF8 = 3;

  /** The bytes, and the non-string values in slot order (null when there are none). */
  record Row(byte[] data, Object[] others) {}

  private Packed() {}

  /** Packs {@code values} (strings, other objects, nulls) in order. */
  static Row pack(List<?> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * values.size() + 16);
    List<Object> others = null;
    for (Object v : values) {
      if (v == null) {
        header(out, 0, NULL);
      } else if (v instanceof String s) {
        if (latin1(s)) {
          header(out, s.length(), LATIN1);
          for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
        } else if (!wellFormed(s)) {
          header(out, 0, OTHER); // a lone surrogate would not survive UTF-8: kept as it is
          if (others == null) others = new ArrayList<>();
          others.add(s);
        } else {
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          header(out, utf8.length, UTF8);
          out.write(utf8, 0, utf8.length);
        }
      } else {
        header(out, 0, OTHER);
        if (others == null) others = new ArrayList<>();
        others.add(v);
      }
    }
    return new Row(out.toByteArray(), others == null ? null : others.toArray());
  }

  /** The value in slot {@code slot}. */
  static Object get(byte[] data, Object[] others, int slot) {
    return new Cursor(data, others).skip(slot).next();
  }

  /** Reads the slots one after another. */
  static final class Cursor {
    private final byte[] data;
    private final Object[] others;
    private int at;
    private int other;

    Cursor(byte[] data, Object[] others) {
      this.data = data;
      this.others = others;
    }

    Cursor skip(int slots) {
      for (int i = 0; i < slots; i++) {
        int h = header();
        if ((h & 3) == OTHER) other++;
        at += h >>> 2;
      }
      return this;
    }

    Object next() {
      int h = header();
      int length = h >>> 2;
      int start = at;
      at += length;
      return switch (h & 3) {
        case NULL -> null;
        case OTHER -> others[other++];
        case LATIN1 -> new String(data, start, length, StandardCharsets.ISO_8859_1);
        default -> new String(data, start, length, StandardCharsets.UTF_8);
      };
    }

    private int header() {
      int h = 0;
      int shift = 0;
      int b;
      do {
        b = data[at++];
        h |= (b & 0x7f) << shift;
        shift += 7;
      } while (b < 0);
      return h;
    }
  }

  private static void header(ByteArrayOutputStream out, int length, int tag) {
    int h = length << 2 | tag;
    while ((h & ~0x7f) != 0) {
      out.write(h & 0x7f | 0x80);
      h >>>= 7;
    }
    out.write(h);
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else if (Character.isSurrogate(c)) return false;
    }
    return true;
  }

  private static boolean latin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff) return false;
    }
    return true;
  }
}
