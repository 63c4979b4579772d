package io.dirsync.mapping;

import java.math.MathContext;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlEngine;

/** JEXL's arithmetic with {@code =~} / {@code !~} regex matching bounded by the entry's {@link TimeLimit}. */
final class BoundedArithmetic extends JexlArithmetic {
  BoundedArithmetic(boolean strict) {
    super(strict);
  }

  private BoundedArithmetic(boolean strict, MathContext context, int scale) {
    super(strict, context, scale);
  }

  @Override
  protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
    return new BoundedArithmetic(strict, context, scale);
  }

  @Override
  public Boolean contains(Object container, Object value) {
    TimeLimit limit = currentLimit();
    if (limit != null && value != null && (container instanceof Pattern || container instanceof CharSequence)) {
      Pattern pattern = container instanceof Pattern p ? p : Pattern.compile(container.toString());
      return limit.matches(pattern, value.toString());
    }
    return super.contains(container, value);
  }

  /** The limit of the entry being evaluated: JEXL keeps the context of the running evaluation per thread. */
  static TimeLimit currentLimit() {
    return JexlEngine.getThreadContext() instanceof EntryContext entry ? entry.timeLimit() : null;
  }
}
