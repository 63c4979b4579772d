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

  /**
   * This failure as the failure of rule {@code name}, unless it already names a rule. A time-limit
   * failure keeps its rule and gets the innermost mapping rule it ran out in added to its message.
   */
  MappingFailure inRule(String name) {
    if (TimeLimit.RULE.equals(rule) && !getMessage().startsWith("in ")) return new MappingFailure(rule, "in " + name + ": " + getMessage());
    return rule != null ? this : new MappingFailure(name, getMessage());
  }

  static String quote(Object value) {
    return "\"" + value + "\"";
  }
}
