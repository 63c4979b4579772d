package io.dirsync.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How one value is computed: a source (an attribute, a template, a constant or an expression)
 * followed by a chain of transforms. Empty and blank strings count as no value.
 *
 * @param name the rule's name in reports, e.g. {@code users.email}
 * @param attributes the source attributes the rule reads
 */
record ValueRule(String name, Source source, List<Transform> transforms, Set<String> attributes) {

  /** Where the values start from. */
  sealed interface Source {}

  record FromAttribute(String attribute) implements Source {}

  record FromTemplate(Template template) implements Source {}

  record Constant(Object value) implements Source {}

  record FromExpression(Expr expression) implements Source {}

  /** The values for an entry (possibly none); throws {@link MappingFailure} naming this rule. */
  List<Object> values(EntryContext entry) {
    try {
      entry.timeLimit().checkBetweenSteps();
      List<Object> values = start(entry);
      for (Transform t : transforms) {
        entry.timeLimit().checkBetweenSteps();
        values = clean(t.apply(values, entry));
      }
      return values;
    } catch (MappingFailure e) {
      throw e.inRule(name);
    }
  }

  /** The first value, or null. */
  Object first(EntryContext entry) {
    List<Object> values = values(entry);
    return values.isEmpty() ? null : values.get(0);
  }

  private List<Object> start(EntryContext entry) {
    if (source instanceof FromAttribute a) return clean(entry.values(a.attribute()));
    if (source instanceof FromTemplate t) {
      String text = t.template().render(entry, null);
      return text == null ? List.of() : List.of(text);
    }
    if (source instanceof Constant c) return List.of(c.value());
    Object result = ((FromExpression) source).expression().evaluate(entry);
    if (result == null) return List.of();
    if (result instanceof Collection<?> many) return clean(new ArrayList<>(many));
    if (result.getClass().isArray() && !(result instanceof byte[])) {
      throw new MappingFailure("expression gave an array; return a text, a number, true/false or a list");
    }
    return clean(List.of(result));
  }

  private static List<Object> clean(List<?> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      if (v == null) continue;
      if (v instanceof String s && s.isBlank()) continue;
      out.add(v);
    }
    return out;
  }
}
