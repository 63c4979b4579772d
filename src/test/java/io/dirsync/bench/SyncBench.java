package io.dirsync.bench;

import io.dirsync.apply.Applier;
import io.dirsync.apply.ApplySettings;
import io.dirsync.apply.RetryingReads;
import io.dirsync.directory.authing.AuthingConfig;
import io.dirsync.directory.Directory;
import io.dirsync.directory.authing.AuthingDirectory;
import io.dirsync.directory.authingv3.AuthingV3Directory;
import io.dirsync.directory.authingv3.V3Config;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.state.JdbcStateStore;
import io.dirsync.state.StateStores;
import io.dirsync.sync.SyncJob;
import io.dirsync.sync.SyncListener;
import io.dirsync.sync.SyncRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): three syncs of a {@link SyntheticDirectory} into a sandbox on 127.0.0.1
 * with a fixed rate limit — first sync, no-change sync, 1 % change sync — counting API calls per
 * operation, wall time and peak heap, and comparing the calls with the lower bound and the
 * per-user approach ({@link Changes}). Run by {@code bench/sync/run.sh}; results go to stdout and,
 * with {@code --doc}, into that markdown file's results section for this size.
 *
 * <p>The sandbox runs in a JVM of its own ({@link SandboxProcess}), so the peak heap measured here is
 * dirsync's: source, mapping session, look-ups, plan, applier, HTTP client, H2 state store.
 *
 * <p>Options: {@code --users N --rate-limit RPS --concurrency C --seed S --mapping FILE --doc FILE
 * --load TEXT --sandbox-heap 3g --api v2|v3}
 */
public final class SyncBench {
  private SyncBench() {}

  record Options(int users, double rateLimit, int concurrency, long seed, Path mapping, Path doc, String load,
                 String sandboxHeap, String api) {
    static Options parse(String[] args) {
      int users = 100_000, concurrency = 8;
      double rate = 2000;
      long seed = 42;
      Path mapping = Path.of("bench/sync/mapping.yaml"), doc = null;
      String load = "", sandboxHeap = "3g", api = "v2";
      for (int k = 0; k + 1 < args.length; k += 2) {
        String v = args[k + 1];
        switch (args[k]) {
          case "--users" -> users = Integer.parseInt(v);
          case "--rate-limit" -> rate = Double.parseDouble(v);
          case "--concurrency" -> concurrency = Integer.parseInt(v);
          case "--seed" -> seed = Long.parseLong(v);
          case "--mapping" -> mapping = Path.of(v);
          case "--doc" -> doc = Path.of(v);
          case "--load" -> load = v;
          case "--sandbox-heap" -> sandboxHeap = v;
          case "--api" -> api = v;
          default -> throw new IllegalArgumentException("unknown option " + args[k]);
        }
      }
      if (args.length % 2 != 0) throw new IllegalArgumentException("options come in pairs: --name value");
      if (!api.equals("v2") && !api.equals("v3")) throw new IllegalArgumentException("--api is v2 or v3, got " + api);
      return new Options(users, rate, concurrency, seed, mapping, doc, load, sandboxHeap, api);
    }
  }

  /** One measured run. */
  record Result(String name, Changes changes, RunReport report, Map<String, Long> sandboxCalls, Duration wall,
                long heapBeforeBytes, long heapPeakBytes, long liveMaxBytes, Duration gc, long liveAtPlanBytes,
                long liveAtApplyBytes) {}

  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    PrintStream out = System.out;
    Mapping mapping = MappingLoader.load(o.mapping(), Map.of());
    Path tmp = Files.createTempDirectory("dirsync-sync-bench-");
    Clock clock = Clock.systemUTC();
    List<Result> results = new ArrayList<>();
    long started = System.nanoTime();
    try (SandboxProcess sandbox = SandboxProcess.start(tmp.resolve("sandbox"), o.rateLimit(), o.sandboxHeap());
         Directory directory = o.api().equals("v3")
             ? new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), "bench", clock)
             : AuthingDirectory.create(AuthingConfig.of(sandbox.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), "bench", clock);
         JdbcStateStore state = StateStores.open("jdbc:h2:file:" + tmp.resolve("state"), null, null, null)) {
      // The client stays just under the server's limit, so no call should ever see a 429.
      ApplySettings settings = new ApplySettings(o.concurrency(), o.rateLimit() * 0.95, 6, Duration.ofMillis(250),
          Duration.ofSeconds(10), 0.5, o.seed());
      Applier applier = new Applier(directory, state, settings, clock);
      RetryingReads reads = new RetryingReads(directory, settings);
      SyncJob job = new SyncJob("bench", RemovalAction.BLOCK, new GuardPolicy(100, 5, false), o.concurrency());
      SyntheticDirectory v0 = new SyntheticDirectory(o.users(), o.seed(), 0);
      SyntheticDirectory v1 = new SyntheticDirectory(o.users(), o.seed(), 1);
      out.printf("sync bench (Authing %s API): %d users, sandbox %s (pid %d), rate limit %.0f rps (client %.0f), concurrency %d, data in %s%n",
          o.api(), o.users(), sandbox.baseUri(), sandbox.pid(), o.rateLimit(), settings.requestsPerSecond(), o.concurrency(), tmp);
      results.add(measure("first sync", Changes.between(null, v0, 0, 0), v0, job, mapping, directory, state, applier,
          reads, sandbox, clock, out));
      results.add(measure("no-change sync", Changes.between(v0, v0, 0, 0), v0, job, mapping, directory, state, applier,
          reads, sandbox, clock, out));
      results.add(measure("1 % change sync", Changes.between(v0, v1, 0, 1), v1, job, mapping, directory, state, applier,
          reads, sandbox, clock, out));
    } finally {
      deleteTree(tmp);
    }
    Duration total = Duration.ofNanos(System.nanoTime() - started);
    String section = o.api().equals("v3") ? TablesV3.section(o, results, total, new SyntheticDirectory(o.users(), o.seed(), 0))
        : Tables.section(o, results, total);
    out.println();
    out.println(section);
    if (o.doc() != null) {
      Tables.replaceSection(o.doc(), o.api().equals("v3") ? o.users() + " users, v3 API" : o.users() + " users", section);
      out.println("results written to " + o.doc());
    }
    boolean ok = results.stream().allMatch(r -> r.report().outcome() == RunOutcome.SUCCESS);
    System.exit(ok ? 0 : 1);
  }

  private static Result measure(String name, Changes changes, SyntheticDirectory source, SyncJob job, Mapping mapping,
      Directory directory, JdbcStateStore state, Applier applier, RetryingReads reads, SandboxProcess sandbox,
      Clock clock, PrintStream out) {
    out.printf("%n== %s: %s%n", name, changes.describe());
    sandbox.resetStats();
    long heapBefore = Heap.resetPeaks();
    long gc0 = Heap.gcMillis();
    long t0 = System.nanoTime();
    Progress progress = new Progress(out, t0);
    RunReport report = new SyncRun(job, source, mapping, directory, state, applier, reads, clock)
        .run(false, false, progress);
    Duration wall = Duration.ofNanos(System.nanoTime() - t0);
    long peak = Heap.peak();
    long live = Heap.maxAfterGc();
    Duration gc = Duration.ofMillis(Heap.gcMillis() - gc0);
    Map<String, Long> calls = sandbox.calls();
    out.printf("%s: %s in %.1f s, %d sandbox calls (client counted %d), %d operations applied, peak heap %d MB, most live after a GC %d MB, GC %.1f s%n",
        name, report.outcome(), wall.toMillis() / 1000.0, calls.values().stream().mapToLong(Long::longValue).sum(),
        report.totalApiCalls(), report.changesApplied(), peak >> 20, live >> 20, gc.toMillis() / 1000.0);
    out.println("  sandbox calls: " + calls);
    out.println("  client calls:  " + report.apiCalls());
    out.println("  timings:       " + report.timings());
    if (!report.failures().isEmpty()) out.println("  failures (first 5): " + report.failures().stream().limit(5).toList());
    if (!report.skipped().isEmpty()) out.println("  skipped (first 5): " + report.skipped().stream().limit(5).toList());
    if (report.outcome() != RunOutcome.SUCCESS) out.println("  message: " + report.message());
    return new Result(name, changes, report, calls, wall, heapBefore, peak, live, gc, progress.live.getOrDefault("plan", 0L),
        progress.live.getOrDefault("apply", 0L));
  }

  /**
   * Stage changes and a line every ~10 % of a stage, with seconds since the run started. When the
   * plan and apply stages begin it forces a GC and notes the live heap: before planning the desired
   * state, the directory snapshot and the managed users are all held; before applying, the plan.
   */
  private static final class Progress implements SyncListener {
    private final Map<String, Long> live = new java.util.HashMap<>();
    private final PrintStream out;
    private final long t0;
    private String stage = "";
    private long nextPercent;

    Progress(PrintStream out, long t0) {
      this.out = out;
      this.t0 = t0;
    }

    @Override
    public synchronized void stage(String name) {
      stage = name;
      nextPercent = 10;
      if (name.equals("plan") || name.equals("apply")) live.put(name, Heap.liveNow());
      out.printf("  %6.1f s  %s%s%n", seconds(), name, live.containsKey(name) ? " (live heap " + (live.get(name) >> 20) + " MB)" : "");
    }

    @Override
    public synchronized void progress(long done, long total) {
      if (total <= 0 || done * 100 < nextPercent * total) return;
      out.printf("  %6.1f s  %s %d/%d%n", seconds(), stage, done, total);
      nextPercent = done * 100 / total / 10 * 10 + 10;
    }

    private double seconds() {
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
