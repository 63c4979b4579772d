package io.dirsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with placeholders such as {@code "{givenName} {sn}"}: each placeholder is replaced by the
 * first value of that attribute (empty when absent); {@code {value}} inside a transform is the value
 * being transformed. The result is trimmed; when every placeholder is empty there is no value.
 */
record Template(String text, List<Object> parts, Set<String> names) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_;-]*)}");
  private static final String VALUE = "value";

  /** Parses a template; throws IllegalArgumentException when a brace is not a placeholder. */
  static Template parse(String text) {
    List<Object> parts = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      addLiteral(parts, text.substring(last, m.start()));
      parts.add(new Placeholder(m.group(1)));
      names.add(m.group(1));
      last = m.end();
    }
    addLiteral(parts, text.substring(last));
    if (names.isEmpty()) throw new IllegalArgumentException("template '" + text + "' has no {attribute} placeholder");
    return new Template(text, List.copyOf(parts), Set.copyOf(names));
  }

  private static void addLiteral(List<Object> parts, String literal) {
    if (literal.isEmpty()) return;
    if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
      throw new IllegalArgumentException("unbalanced or invalid placeholder in '" + literal + "'; use {attributeName}");
    }
    parts.add(literal);
  }

  /** Attribute names the template reads ({@code value} excluded). */
  Set<String> attributes() {
    Set<String> out = new LinkedHashSet<>(names);
    out.remove(VALUE);
    return out;
  }

  /** Renders against an entry; {@code current} is what {@code {value}} stands for (may be null). */
  String render(EntryContext entry, Object current) {
    StringBuilder out = new StringBuilder();
    boolean any = false;
    for (Object part : parts) {
      if (part instanceof Placeholder p) {
        String value = resolve(p.name(), entry, current);
        if (value != null && !value.isEmpty()) {
          any = true;
          out.append(value);
        }
      } else {
        out.append(part);
      }
    }
    String result = out.toString().trim();
    return any && !result.isEmpty() ? result : null;
  }

  private static String resolve(String name, EntryContext entry, Object current) {
    if (VALUE.equalsIgnoreCase(name) && current != null) return Transform.text(current);
    List<Object> values = entry.values(name);
    return values.isEmpty() ? null : Transform.text(values.get(0));
  }

  private record Placeholder(String name) {}
}
