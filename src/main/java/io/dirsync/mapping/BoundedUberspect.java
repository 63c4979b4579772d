package io.dirsync.mapping;

import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlOperator;
import org.apache.commons.jexl3.introspection.JexlMethod;
import org.apache.commons.jexl3.introspection.JexlPropertyGet;
import org.apache.commons.jexl3.introspection.JexlPropertySet;
import org.apache.commons.jexl3.introspection.JexlUberspect;

/**
 * JEXL's introspection, except that {@code text.matches(regex)} and {@code text.split(regex)} run
 * under the entry's {@link TimeLimit}; everything else is JEXL's own (the sandbox still decides
 * which methods may be called at all).
 */
final class BoundedUberspect implements JexlUberspect {
  private final JexlUberspect delegate;

  BoundedUberspect(JexlUberspect delegate) {
    this.delegate = delegate;
  }

  @Override
  public JexlMethod getMethod(Object obj, String method, Object... args) {
    if (obj instanceof String && args != null && args.length == 1 && args[0] instanceof CharSequence
        && ("matches".equals(method) || "split".equals(method))) {
      return new RegexMethod(method);
    }
    return delegate.getMethod(obj, method, args);
  }

  /** {@code String.matches} / {@code String.split} with one regex argument, bounded in time. */
  private static final class RegexMethod implements JexlMethod {
    private final String name;

    RegexMethod(String name) {
      this.name = name;
    }

    @Override
    public Object invoke(Object obj, Object... params) {
      String text = (String) obj;
      Pattern pattern = Pattern.compile(params[0].toString());
      TimeLimit limit = BoundedArithmetic.currentLimit();
      if ("matches".equals(name)) return limit == null ? pattern.matcher(text).matches() : limit.matches(pattern, text);
      return limit == null ? pattern.split(text) : pattern.split(limit.bounded(text));
    }

    @Override
    public Object tryInvoke(String method, Object obj, Object... params) {
      if (name.equals(method) && obj instanceof String && params != null && params.length == 1 && params[0] instanceof CharSequence) {
        return invoke(obj, params);
      }
      return JexlEngineTry.FAILED;
    }

    @Override
    public boolean tryFailed(Object rval) {
      return rval == JexlEngineTry.FAILED;
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public Class<?> getReturnType() {
      return "matches".equals(name) ? boolean.class : String[].class;
    }
  }

  /** JEXL's marker for "this cached method does not apply here". */
  private static final class JexlEngineTry {
    static final Object FAILED = org.apache.commons.jexl3.JexlEngine.TRY_FAILED;
  }

  @Override
  public List<PropertyResolver> getResolvers(JexlOperator op, Object obj) {
    return delegate.getResolvers(op, obj);
  }

  @Override
  public void setClassLoader(ClassLoader loader) {
    delegate.setClassLoader(loader);
  }

  @Override
  public ClassLoader getClassLoader() {
    return delegate.getClassLoader();
  }

  @Override
  public int getVersion() {
    return delegate.getVersion();
  }

  @Override
  public JexlMethod getConstructor(Object ctorHandle, Object... args) {
    return delegate.getConstructor(ctorHandle, args);
  }

  @Override
  public JexlPropertyGet getPropertyGet(Object obj, Object identifier) {
    return delegate.getPropertyGet(obj, identifier);
  }

  @Override
  public JexlPropertyGet getPropertyGet(List<PropertyResolver> resolvers, Object obj, Object identifier) {
    return delegate.getPropertyGet(resolvers, obj, identifier);
  }

  @Override
  public JexlPropertySet getPropertySet(Object obj, Object identifier, Object arg) {
    return delegate.getPropertySet(obj, identifier, arg);
  }

  @Override
  public JexlPropertySet getPropertySet(List<PropertyResolver> resolvers, Object obj, Object identifier, Object arg) {
    return delegate.getPropertySet(resolvers, obj, identifier, arg);
  }

  @Override
  public Iterator<?> getIterator(Object obj) {
    return delegate.getIterator(obj);
  }

  @Override
  public JexlArithmetic.Uberspect getArithmetic(JexlArithmetic arithmetic) {
    return delegate.getArithmetic(arithmetic);
  }

  @Override
  public Class<?> getClassByName(String name) {
    return delegate.getClassByName(name);
  }
}
