package io.dirsync.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each group and department code in a run's desired users (a code is held by every
 * member). Field values need no pool: a desired user keeps them packed in bytes. Thread-safe: the
 * mapping's workers share one pool.
 */
final class ValuePool {
  private final Map<String, String> codes = new ConcurrentHashMap<>();

  String code(String code) {
    String shared = codes.putIfAbsent(code, code);
    return shared == null ? code : shared;
  }
}
