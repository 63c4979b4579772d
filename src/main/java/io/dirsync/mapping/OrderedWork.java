package io.dirsync.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a function to a stream of inputs on worker threads and hands the results on, on the
 * caller's thread, in the order the inputs came. At most {@code window} inputs are in flight, so
 * memory stays bounded however long the stream. Inputs go to the workers in small chunks (a task per
 * input would cost more than mapping it). With one worker everything runs on the caller's thread.
 * The function must not throw: failures are part of its result (an {@link Error} is rethrown as is).
 * Not thread-safe: one caller.
 */
final class OrderedWork<I, O> {
  private static final int CHUNK = 32;

  private final Function<I, O> work;
  private final Consumer<O> next;
  private final int window;
  private final ThreadPoolExecutor pool;
  private final ArrayDeque<Future<List<O>>> inFlight = new ArrayDeque<>();
  private List<I> chunk = new ArrayList<>(CHUNK);

  OrderedWork(int workers, int window, Function<I, O> work, Consumer<O> next) {
    this.work = work;
    this.next = next;
    this.window = Math.max(1, window / CHUNK);
    if (workers <= 1) {
      this.pool = null;
    } else {
      // idle workers end by themselves, so a session dropped without close() leaves no threads behind
      this.pool = new ThreadPoolExecutor(workers, workers, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), OrderedWork::worker);
      this.pool.allowCoreThreadTimeOut(true);
    }
  }

  /** The workers to use on this machine: one per processor. */
  static int workersHere() {
    return Runtime.getRuntime().availableProcessors();
  }

  void submit(I input) {
    if (pool == null) {
      next.accept(work.apply(input));
      return;
    }
    chunk.add(input);
    if (chunk.size() < CHUNK) return;
    dispatch();
    while (!inFlight.isEmpty() && (inFlight.size() > window || inFlight.peek().isDone())) handOn(inFlight.poll());
  }

  /** Waits for everything submitted and hands it on. */
  void drain() {
    if (pool == null) return;
    if (!chunk.isEmpty()) dispatch();
    while (!inFlight.isEmpty()) handOn(inFlight.poll());
  }

  void close() {
    if (pool != null) pool.shutdownNow();
  }

  private void dispatch() {
    List<I> inputs = chunk;
    chunk = new ArrayList<>(CHUNK);
    inFlight.add(pool.submit(() -> {
      List<O> out = new ArrayList<>(inputs.size());
      for (I input : inputs) out.add(work.apply(input));
      return out;
    }));
  }

  private void handOn(Future<List<O>> results) {
    List<O> out;
    try {
      out = results.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while mapping", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) throw error;
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(e.getCause());
    }
    out.forEach(next);
  }

  private static Thread worker(Runnable task) {
    Thread thread = new Thread(task, "dirsync-mapping");
    thread.setDaemon(true);
    return thread;
  }
}
