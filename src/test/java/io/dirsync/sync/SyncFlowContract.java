package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

abstract class SyncFlowContract {
  private final List<SyncHarness> harnesses = new ArrayList<>();

  abstract Supplier<StateStore> stateStore(String name);

  SyncHarness harness(String name, SandboxOptions options) {
    SyncHarness h = SyncHarness.start(options, stateStore(name));
    harnesses.add(h);
    return h;
  }

  SyncHarness harness() {
    return harness("main", SandboxOptions.defaults());
  }

  @AfterEach
  void stopEverything() {
    harnesses.forEach(SyncHarness::close);
  }

  @Test
  void smoke() {
    SyncHarness h = harness();
    RunReport first = h.sync();
    System.out.println(first);
    System.out.println(h.snapshot());
    h.sandbox.resetStats();
    RunReport second = h.sync();
    System.out.println(h.sandbox.stats());
    System.out.println(second);
    assertThat(first.outcome()).isEqualTo(RunOutcome.SUCCESS);
  }
}
