package io.dirsync.mapping;

import java.util.Set;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;

/** A compiled expression and the variables (attribute names) it reads. Thread-safe. */
record Expr(String text, JexlExpression compiled, Set<String> variables) {

  Object evaluate(EntryContext context) {
    context.timeLimit().checkBetweenSteps();
    try {
      return compiled.evaluate(context);
    } catch (JexlException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof MappingFailure timeLimit) throw timeLimit;
      }
      throw new MappingFailure("expression '" + text + "' failed: " + Expressions.reason(e));
    } catch (MappingFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MappingFailure("expression '" + text + "' failed: " + e.getMessage());
    }
  }

  /** Evaluates a condition: true, false, or null (false); anything else is a failure. */
  boolean test(EntryContext context) {
    Object result = evaluate(context);
    if (result == null) return false;
    if (result instanceof Boolean b) return b;
    throw new MappingFailure("condition '" + text + "' gave " + MappingFailure.quote(result) + ", not true or false");
  }
}
