package io.dirsync.directory.authing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The user custom fields defined in the pool, loaded once; defines missing ones with a type inferred from a value. Thread-safe. */
final class UdfKeys {
  private final UdfApi udf;
  private final Map<String, String> types = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  UdfKeys(UdfApi udf) {
    this.udf = udf;
  }

  /** Defines {@code key} as the type of {@code value} unless it is defined already. */
  void ensure(String key, Object value) {
    load();
    if (types.containsKey(key)) return;
    // Concurrent first creates would each define the key (one setUdf call per thread), so define under the lock.
    synchronized (this) {
      if (types.containsKey(key)) return;
      String type = typeOf(value);
      udf.set("USER", key, type, key);
      types.put(key, type);
    }
  }

  static String typeOf(Object value) {
    if (value instanceof Boolean) return "BOOLEAN";
    if (value instanceof Number) return "NUMBER";
    if (value instanceof Instant) return "DATETIME";
    return "STRING";
  }

  private void load() {
    if (loaded) return;
    synchronized (this) {
      if (loaded) return;
      udf.list("USER").forEach(d -> types.put(d.key(), d.dataType()));
      loaded = true;
    }
  }
}
