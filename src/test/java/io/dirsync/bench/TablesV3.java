package io.dirsync.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The results section of a v3 bench run: calls per user, and the no-change run against the v3
 * adapter's documented bound (README, <i>Authing's v3 API</i>): ceil(N/50) look-ups + the group
 * member-listing pages (Σ over groups of ceil(members/50)) + ceil(G/50) group-list pages + one
 * member-id listing per department + 3 (department tree, organization, pool check; the bench's
 * one adapter serves all three runs, so it makes the last two once, in the first sync). The bench's mapping assigns
 * no roles (no role listings) and puts each user in one department (no per-user department read).
 */
final class TablesV3 {
  private static final int PAGE = 50;

  private TablesV3() {}

  static long bound(SyncBench.Options o, SyntheticDirectory source) {
    int[] members = new int[SyntheticDirectory.GROUP_COUNT];
    for (int i = 0; i < o.users(); i++) for (int g : source.groupsOf(i)) members[g]++;
    long pages = 0;
    for (int m : members) pages += Math.max(1, (m + PAGE - 1) / PAGE);
    int departments = SyntheticDirectory.DIVISIONS + SyntheticDirectory.TEAMS;
    return (o.users() + PAGE - 1) / PAGE + pages + (SyntheticDirectory.GROUP_COUNT + PAGE - 1) / PAGE + departments + 3;
  }

  static String section(SyncBench.Options o, List<SyncBench.Result> results, Duration total, SyntheticDirectory source) {
    long bound = bound(o, source);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### %,d users, Authing v3 API%n%n", o.users()));
    s.append(String.format(Locale.ROOT, "%s; `HEAP=%dm bench/sync/run.sh %d --api v3`; sandbox rate limit %.0f calls/s (client %.0f), "
            + "concurrency %d, seed %d, max heap %d MB (`-Xmx`), Java %s; load before the run: %s; whole bench %.0f s. "
            + "No-change bound (the v3 adapter's documented cost, see README): %,d calls.%n%n",
        LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().maxMemory() >> 20, o.users(), o.rateLimit(), o.rateLimit() * 0.95, o.concurrency(), o.seed(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), o.load().isBlank() ? "n/a" : o.load(),
        total.toMillis() / 1000.0, bound));
    s.append("| run | real changes | API calls | calls per user | look-ups (get-user-batch) | member listings | other reads | writes "
        + "| wall time | outcome, operations applied |\n");
    s.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (SyncBench.Result r : results) {
      Map<String, Long> calls = r.sandboxCalls();
      long all = calls.values().stream().mapToLong(Long::longValue).sum();
      long lookUps = calls.getOrDefault("GET /api/v3/get-user-batch", 0L);
      long members = calls.entrySet().stream().filter(e -> e.getKey().contains("-members")).filter(e -> e.getKey().startsWith("GET"))
          .mapToLong(Map.Entry::getValue).sum();
      long reads = calls.entrySet().stream().filter(e -> e.getKey().startsWith("GET") || e.getKey().equals("POST /api/v3/list-users"))
          .mapToLong(Map.Entry::getValue).sum() - lookUps - members;
      s.append(String.format(Locale.ROOT, "| %s | %s | **%,d** | **%.4f** | %,d | %,d | %,d | %,d | %.1f s | %s, %d |%n",
          r.name(), r.changes().describe(), all, all / (double) o.users(), lookUps, members, reads, all - lookUps - members - reads,
          r.wall().toMillis() / 1000.0, r.report().outcome(), r.report().changesApplied()));
    }
    SyncBench.Result noChange = results.size() > 1 ? results.get(1) : null;
    if (noChange != null) {
      long all = noChange.sandboxCalls().values().stream().mapToLong(Long::longValue).sum();
      s.append(String.format(Locale.ROOT, "%nNo-change sync: %,d calls against the bound of %,d: **%.3f ×**.%n", all, bound, all / (double) bound));
    }
    s.append("\nCalls by operation (sandbox count):\n\n| operation |");
    results.forEach(r -> s.append(' ').append(r.name()).append(" |"));
    s.append("\n| --- |");
    results.forEach(r -> s.append(" ---: |"));
    s.append('\n');
    Set<String> ops = new TreeSet<>();
    results.forEach(r -> ops.addAll(r.sandboxCalls().keySet()));
    for (String op : ops) {
      s.append("| `").append(op).append("` |");
      for (SyncBench.Result r : results) s.append(String.format(Locale.ROOT, " %,d |", r.sandboxCalls().getOrDefault(op, 0L)));
      s.append('\n');
    }
    s.append("| client-side count (run report `apiCalls`) |");
    results.forEach(r -> s.append(String.format(Locale.ROOT, " %,d |", r.report().totalApiCalls())));
    s.append('\n');
    return s.toString();
  }
}
