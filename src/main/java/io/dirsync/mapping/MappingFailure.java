package io.dirsync.mapping;

/**
 * A value that cannot be computed for one entry. Thrown by transforms and rules while an entry is
 * mapped; the session turns it into a {@link io.dirsync.model.SkippedEntry} naming the rule.
 */
final class MappingFailure extends RuntimeException {
  private final String rule;

  MappingFailure(String message) {
    this(null, message);
  }

  MappingFailure(String rule, String message) {
    super(message, null, false, false);
    this.rule = rule;
  }

  /** The rule that failed, or null when the caller should name it. */
  String rule() {
    return rule;
  }

  MappingFailure inRule(String name) {
    return rule != null ? this : new MappingFailure(name, getMessage());
  }

  static String quote(Object value) {
    return "\"" + value + "\"";
  }
}
