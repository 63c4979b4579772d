package io.dirsync.apply;

import io.dirsync.directory.Directory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real directory seen through a watcher: it records the calls of one method in the order they
 * start, and holds calls for some codes until all of them are in flight together, counting the
 * most at once, so that a test sees whether they overlap without timing anything. A held call
 * waits at most {@link #HOLD_MILLIS} for the others (calls made one by one never come together;
 * the limit only keeps such a run from hanging), then goes on.
 */
final class WatchedDirectory implements InvocationHandler {
  static final long HOLD_MILLIS = 3_000;

  private final Directory directory;
  private final String method;
  private final Set<String> held;
  private final List<String> started = new ArrayList<>();
  private int heldInFlight;
  private int mostHeldInFlight;

  private WatchedDirectory(Directory directory, String method, Set<String> held) {
    this.directory = directory;
    this.method = method;
    this.held = held;
  }

  /** Watches calls of {@code method} (its first argument is the code); calls for {@code held} codes wait for each other. */
  static WatchedDirectory of(Directory directory, String method, Set<String> held) {
    return new WatchedDirectory(directory, method, Set.copyOf(held));
  }

  Directory directory() {
    return (Directory) Proxy.newProxyInstance(Directory.class.getClassLoader(), new Class<?>[] {Directory.class}, this);
  }

  /** The codes the watched method was called with, in the order the calls started. */
  synchronized List<String> started() {
    return List.copyOf(started);
  }

  /** The most calls for held codes that were in flight at the same moment. */
  synchronized int mostHeldInFlight() {
    return mostHeldInFlight;
  }

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    if (!m.getName().equals(method)) return forward(m, args);
    String code = (String) args[0];
    boolean hold = held.contains(code);
    enter(code, hold);
    try {
      return forward(m, args);
    } finally {
      leave(hold);
    }
  }

  private synchronized void enter(String code, boolean hold) throws InterruptedException {
    started.add(code);
    if (!hold) return;
    heldInFlight++;
    mostHeldInFlight = Math.max(mostHeldInFlight, heldInFlight);
    notifyAll();
    long until = System.nanoTime() + HOLD_MILLIS * 1_000_000;
    while (mostHeldInFlight < held.size() && System.nanoTime() < until) {
      wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
    }
  }

  private synchronized void leave(boolean hold) {
    if (hold) heldInFlight--;
  }

  private Object forward(Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(directory, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
