package io.dirsync.mapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One step of a value chain: takes the values so far (String, byte[], Boolean, Long…) and returns
 * the next ones. Throws {@link MappingFailure} when a value cannot be converted. Stateless.
 */
@FunctionalInterface
interface Transform {

  List<Object> apply(List<Object> values, EntryContext entry);

  /** A transform applied to each value on its own; a null result drops the value. */
  static Transform eachValue(Function<Object, Object> function) {
    return (values, entry) -> {
      List<Object> out = new ArrayList<>(values.size());
      for (Object value : values) {
        Object result = function.apply(value);
        if (result != null && !(result instanceof String text && text.isBlank())) out.add(result);
      }
      return out;
    };
  }

  /** A transform on the text of each value. */
  static Transform eachText(Function<String, Object> function) {
    return eachValue(value -> function.apply(text(value)));
  }

  /** The value as text; bytes are read as UTF-8. */
  static String text(Object value) {
    if (value instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
    return String.valueOf(value);
  }
}
