package io.dirsync.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * Compiles the conditions and computed values of a mapping with Apache Commons JEXL in a
 * locked-down configuration: expressions only (no statements, loops, assignments, lambdas,
 * {@code new}, pragmas or imports), RESTRICTED permissions, and a sandbox that lets scripts call a
 * short list of String and List methods and {@link ExpressionFunctions} — nothing else (no
 * {@code getClass()}, no reflection, no I/O). One instance per loaded mapping; thread-safe.
 */
final class Expressions {
  private static final String[] STRING_METHODS = {
      "contains", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "strip", "length",
      "isEmpty", "isBlank", "substring", "indexOf", "lastIndexOf", "matches", "replace", "equalsIgnoreCase",
      "equals", "compareTo", "charAt", "split"};
  private static final String[] LIST_METHODS = {"size", "contains", "isEmpty", "get", "indexOf", "equals"};

  private final JexlEngine engine;

  Expressions() {
    JexlFeatures features = new JexlFeatures()
        .loops(false).sideEffect(false).sideEffectGlobal(false).newInstance(false)
        .lambda(false).fatArrow(false).thinArrow(false).localVar(false).register(false)
        .importPragma(false).namespacePragma(false).pragma(false).pragmaAnywhere(false)
        .annotation(false).script(false).structuredLiteral(true).methodCall(true);
    JexlSandbox sandbox = new JexlSandbox(false, false);
    // read("empty"): an allow-list of one harmless property, so that x.class and x.bytes stay out of reach
    sandbox.allow(String.class.getName()).execute(STRING_METHODS).read("empty");
    sandbox.allow(java.util.ArrayList.class.getName()).execute(LIST_METHODS).read("empty");
    sandbox.allow(ExpressionFunctions.class.getName()).execute(ExpressionFunctions.NAMES).read("empty");
    Map<String, Object> namespaces = new java.util.HashMap<>();
    namespaces.put(null, new ExpressionFunctions());
    JexlPermissions permissions = JexlPermissions.RESTRICTED.compose(ExpressionFunctions.class.getPackageName() + ".*");
    engine = new JexlBuilder()
        .features(features)
        .permissions(permissions)
        // regex matching (=~, matches, split) bounded by the entry's time limit
        .uberspect(new BoundedUberspect(org.apache.commons.jexl3.internal.Engine.getUberspect(
            org.apache.commons.logging.LogFactory.getLog(JexlEngine.class), org.apache.commons.jexl3.introspection.JexlUberspect.JEXL_STRATEGY, permissions)))
        .arithmetic(new BoundedArithmetic(true))
        .sandbox(sandbox)
        .namespaces(namespaces)
        .strict(true)
        .safe(false)
        .silent(false)
        .cache(256)
        .create();
  }

  /** Compiles {@code text}; throws IllegalArgumentException with a short reason when it is not valid. */
  Expr compile(String text) {
    try {
      JexlExpression expression = engine.createExpression(text);
      JexlScript script = engine.createScript(text);
      Set<String> variables = new LinkedHashSet<>();
      for (List<String> path : script.getVariables()) variables.add(path.get(0));
      return new Expr(text, expression, Set.copyOf(variables));
    } catch (JexlException e) {
      throw new IllegalArgumentException(reason(e));
    }
  }

  static String reason(JexlException e) {
    String message = e.getMessage();
    // "Class.method:12@1:4 parsing error in 'x'" → keep the part after the location
    int at = message == null ? -1 : message.indexOf('@');
    int space = at < 0 ? -1 : message.indexOf(' ', at);
    return space < 0 ? String.valueOf(message) : message.substring(space + 1);
  }
}
