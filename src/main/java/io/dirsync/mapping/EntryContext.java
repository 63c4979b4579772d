package io.dirsync.mapping;

import io.dirsync.model.SourceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.jexl3.JexlContext;

/**
 * An entry as expressions and rules see it: attribute names are case-insensitive; a single value is
 * a string, several values a list; an absent attribute is null. Extra variables (dn, ouPath, value)
 * shadow attributes of the same name. Read-only.
 */
final class EntryContext implements JexlContext, JexlContext.ThreadLocal {
  private final SourceEntry entry;
  private final Map<String, Object> extra;
  private final TimeLimit timeLimit;

  /** An entry whose mapping starts now, with the full time an entry may take. */
  EntryContext(SourceEntry entry, Map<String, Object> extra) {
    this(entry, extra, TimeLimit.startingNow());
  }

  /** A part of an entry being mapped (one value of an attribute): it shares the entry's time. */
  EntryContext(SourceEntry entry, Map<String, Object> extra, TimeLimit timeLimit) {
    this.entry = entry;
    this.extra = extra;
    this.timeLimit = timeLimit;
  }

  /** How long this entry's mapping may still run. */
  TimeLimit timeLimit() {
    return timeLimit;
  }

  SourceEntry entry() {
    return entry;
  }

  /** The raw values of an attribute or extra variable: text values, or bytes when only binary ones exist. */
  List<Object> values(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (extra.containsKey(key)) {
      Object v = extra.get(key);
      if (v == null) return List.of();
      return v instanceof List<?> list ? List.copyOf(list) : List.of(v);
    }
    List<String> text = entry.values(key);
    if (!text.isEmpty()) return List.copyOf(text);
    return List.copyOf(entry.binaryValues(key));
  }

  @Override
  public Object get(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (extra.containsKey(key)) return extra.get(key);
    List<String> text = entry.values(key);
    if (text.isEmpty()) return null;
    // ArrayList: the expression sandbox allows reading lists of this class only
    return text.size() == 1 ? text.get(0) : new ArrayList<>(text);
  }

  @Override
  public void set(String name, Object value) {
    throw new UnsupportedOperationException("mapping expressions cannot assign variables");
  }

  /** Every name is defined: an absent attribute reads as null instead of failing. */
  @Override
  public boolean has(String name) {
    return true;
  }
}
