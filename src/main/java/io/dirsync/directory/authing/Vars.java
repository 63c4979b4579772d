package io.dirsync.directory.authing;

import java.util.LinkedHashMap;
import java.util.Map;

/** GraphQL variables or a JSON body: null values are left out, as the SDK leaves out undefined keys. */
final class Vars {
  private final Map<String, Object> values = new LinkedHashMap<>();

  static Vars of() {
    return new Vars();
  }

  static Vars of(String key, Object value) {
    return new Vars().put(key, value);
  }

  Vars put(String key, Object value) {
    if (value != null) values.put(key, value);
    return this;
  }

  Map<String, Object> map() {
    return values;
  }
}
