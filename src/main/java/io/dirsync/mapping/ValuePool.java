package io.dirsync.mapping;

import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One copy of each repeated value in a run's desired users: group and department codes, and field
 * values that take few distinct values (title, employee type, blocked). A field stops being pooled
 * once it shows more than {@value #MAX_DISTINCT} distinct values (emails, phones), so the pool stays
 * small however many users there are (about: workers may add a few past the bound at once).
 * Thread-safe: the mapping's workers share one pool.
 */
final class ValuePool {
  static final int MAX_DISTINCT = 1024;

  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Map<String, Map<Object, Object>> byField = new ConcurrentHashMap<>();

  String code(String code) {
    String shared = codes.putIfAbsent(code, code);
    return shared == null ? code : shared;
  }

  /** {@code fields} with repeated values replaced by their first copy (same keys, same order). */
  Map<String, Object> fields(Map<String, Object> fields) {
    if (fields.isEmpty()) return fields;
    Map<String, Object> out = new LinkedHashMap<>(fields.size() * 2);
    fields.forEach((field, value) -> out.put(field, shared(field, value)));
    return out;
  }

  private Object shared(String field, Object value) {
    Map<Object, Object> pool = byField.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
    if (pool.size() >= MAX_DISTINCT) {
      Object known = pool.get(value);
      return known == null ? value : known;
    }
    Object known = pool.putIfAbsent(value, value);
    return known == null ? value : known;
  }
}
