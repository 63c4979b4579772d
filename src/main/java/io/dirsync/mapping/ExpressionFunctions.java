package io.dirsync.mapping;

import java.util.Collection;
import java.util.Locale;

/**
 * The helper functions mapping expressions may call without a prefix, e.g.
 * {@code has(objectClass, 'inetOrgPerson')}. Public only because the expression engine calls
 * these methods reflectively; the sandbox allows nothing else of this class.
 */
public final class ExpressionFunctions {

  /** Names the sandbox lets scripts call. */
  static final String[] NAMES = {"has", "flag", "lower", "upper", "first", "count"};

  /** Whether a value or any of a list's values equals {@code wanted}, ignoring case. */
  public boolean has(Object values, String wanted) {
    if (values == null || wanted == null) return false;
    if (values instanceof Collection<?> many) {
      return many.stream().anyMatch(v -> v != null && v.toString().equalsIgnoreCase(wanted));
    }
    return values.toString().equalsIgnoreCase(wanted);
  }

  /** Whether bit mask {@code mask} is set in a whole number (e.g. {@code flag(userAccountControl, 2)}). */
  public boolean flag(Object value, Number mask) {
    Object one = first(value);
    if (one == null || mask == null) return false;
    try {
      return (Long.parseLong(one.toString().trim()) & mask.longValue()) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public String lower(Object value) {
    Object one = first(value);
    return one == null ? null : one.toString().toLowerCase(Locale.ROOT);
  }

  public String upper(Object value) {
    Object one = first(value);
    return one == null ? null : one.toString().toUpperCase(Locale.ROOT);
  }

  /** The first value of a list, the value itself otherwise. */
  public Object first(Object value) {
    if (value instanceof Collection<?> many) return many.isEmpty() ? null : many.iterator().next();
    return value;
  }

  /** How many values an attribute has (0 when absent). */
  public int count(Object value) {
    if (value == null) return 0;
    return value instanceof Collection<?> many ? many.size() : 1;
  }
}
