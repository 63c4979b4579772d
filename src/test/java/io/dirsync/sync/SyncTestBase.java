package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.RunOutcome;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxStats;
import io.dirsync.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;

/**
 * What the sync scenario contracts share: harnesses started per test and stopped after it, each
 * on a state store named by the test (H2 or PostgreSQL, chosen by the concrete class).
 */
abstract class SyncTestBase {
  /**
   * What a sync may call when it changes nothing: the token, look-ups, listings and member listings
   * ({@code group}, {@code role}, {@code nodeById}; {@code user} for main departments).
   */
  static final Set<String> READS = Set.of("accessToken", "POST /api/v2/users/batch", "groups", "roles", "org", "orgs",
      "group", "role", "nodeById", "user");
  static final String SUPPORT = "ou=Support," + SyncHarness.PEOPLE;

  private final List<SyncHarness> harnesses = new ArrayList<>();

  /** Opens (each time it is called) the state store named {@code name}, empty the first time. */
  abstract Supplier<StateStore> stateStore(String name);

  SyncHarness harness(String name, SandboxOptions options) {
    SyncHarness h = SyncHarness.start(options, stateStore(name));
    harnesses.add(h);
    return h;
  }

  SyncHarness harness() {
    return harness("main", SandboxOptions.defaults());
  }

  /** A harness after one clean sync. */
  SyncHarness synced() {
    SyncHarness h = harness();
    assertThat(h.sync().outcome()).isEqualTo(RunOutcome.SUCCESS);
    return h;
  }

  @AfterEach
  void stopEverything() {
    harnesses.forEach(SyncHarness::close);
  }

  static Map<String, Long> changingCalls(SandboxStats stats) {
    Map<String, Long> out = new TreeMap<>(stats.calls());
    out.keySet().removeAll(READS);
    return out;
  }

  static Set<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "E" + i).collect(Collectors.toSet());
  }
}
