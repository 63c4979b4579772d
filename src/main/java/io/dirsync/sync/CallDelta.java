package io.dirsync.sync;

import java.util.Map;
import java.util.TreeMap;

/** The directory calls a run made: the counter's growth between its start and its end. */
final class CallDelta {
  private CallDelta() {}

  static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((op, n) -> {
      long d = n - before.getOrDefault(op, 0L);
      if (d > 0) delta.put(op, d);
    });
    return delta;
  }
}
