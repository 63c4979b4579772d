package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {

  @Test
  void resultsComeInInputOrderWithAtMostAWindowInFlight() {
    List<Integer> out = new ArrayList<>();
    AtomicInteger started = new AtomicInteger();
    int[] maxAhead = {0};
    OrderedWork<Integer, Integer> work = new OrderedWork<>(4, 256, i -> {
      started.incrementAndGet();
      return i * 2;
    }, r -> {
      out.add(r);
      maxAhead[0] = Math.max(maxAhead[0], started.get() - out.size());
    });
    for (int i = 0; i < 10_000; i++) work.submit(i);
    work.drain();
    work.close();

    assertThat(out).containsExactlyElementsOf(IntStream.range(0, 10_000).map(i -> i * 2).boxed().toList());
    assertThat(maxAhead[0]).isPositive().isLessThanOrEqualTo(256 + 32); // the window plus one chunk
  }

  @Test
  void oneWorkerRunsOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    List<Thread> ran = new ArrayList<>();
    OrderedWork<Integer, Integer> work = new OrderedWork<>(1, 256, i -> {
      ran.add(Thread.currentThread());
      return i;
    }, r -> { });
    work.submit(1);
    assertThat(ran).containsExactly(caller);
  }

  @Test
  void anErrorOnAWorkerReachesTheCallerAsItIs() {
    OrderedWork<Integer, Integer> work = new OrderedWork<>(2, 64, i -> {
      if (i == 40) throw new OutOfMemoryError("test");
      return i;
    }, r -> { });
    assertThatThrownBy(() -> {
      for (int i = 0; i < 100; i++) work.submit(i);
      work.drain();
    }).isInstanceOf(OutOfMemoryError.class).hasMessage("test");
    work.close();
  }
}
