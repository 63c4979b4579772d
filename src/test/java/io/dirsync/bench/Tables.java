package io.dirsync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The markdown results section of one bench size, and its place in docs/benchmarks.md. */
final class Tables {
  private static final Set<String> LOOK_UPS = Set.of("userBatch", "POST /api/v2/users/batch");

  private Tables() {}

  static String section(SyncBench.Options o, List<SyncBench.Result> results, Duration total) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### %,d users%n%n", o.users()));
    s.append(String.format(Locale.ROOT, "%s; sandbox rate limit %.0f calls/s (client %.0f), concurrency %d, seed %d, "
            + "max heap %d MB (`-Xmx`), Java %s; load before the run: %s; whole bench %.0f s.%n%n",
        LocalDate.now(ZoneOffset.UTC), o.rateLimit(), o.rateLimit() * 0.95, o.concurrency(), o.seed(),
        Heap.max() >> 20, System.getProperty("java.version"), o.load().isBlank() ? "n/a" : o.load(),
        total.toMillis() / 1000.0));
    s.append("| run | real changes | API calls | look-ups | other reads | writes | lower bound | actual ÷ lower bound "
        + "| per-user approach | actual ÷ per-user | wall time (GC) | heap after GC before | live heap before plan / apply | peak heap |\n");
    s.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (SyncBench.Result r : results) {
      long total2 = sum(r.sandboxCalls());
      long lookUps = r.sandboxCalls().entrySet().stream().filter(e -> LOOK_UPS.contains(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
      long listings = r.sandboxCalls().entrySet().stream().filter(e -> isListing(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
      Changes c = r.changes();
      s.append(String.format(Locale.ROOT, "| %s | %s | **%,d** | %,d | %,d | %,d | %,d | **%.3f** | %,d | %.3f | %.1f s (%.1f s) | %d MB | **%d** / %d MB | %d MB |%n",
          r.name(), c.describe(), total2, lookUps, listings, total2 - lookUps - listings, c.lowerBound(),
          total2 / (double) c.lowerBound(), c.perUserApproach(), total2 / (double) c.perUserApproach(),
          r.wall().toMillis() / 1000.0, r.gc().toMillis() / 1000.0, r.heapBeforeBytes() >> 20, r.liveAtPlanBytes() >> 20, r.liveAtApplyBytes() >> 20, r.heapPeakBytes() >> 20));
    }
    s.append("\nCalls by operation (sandbox count; the client's own count in the run report agrees unless noted):\n\n");
    s.append("| operation |");
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
    s.append("\n| outcome, operations applied |");
    results.forEach(r -> s.append(' ').append(r.report().outcome()).append(", ").append(r.report().changesApplied()).append(" |"));
    s.append('\n');
    return s.toString();
  }

  /** Reads other than look-ups: listings of groups, roles, the org tree, custom-field definitions; the token. */
  static boolean isListing(String op) {
    String o = op.toLowerCase(Locale.ROOT);
    return o.startsWith("get ") || o.equals("groups") || o.equals("roles") || o.equals("org") || o.equals("orgs")
        || o.startsWith("list") || o.equals("udf") || o.equals("nodebyid") || o.equals("accesstoken");
  }

  /** Replaces this size's section between its markers, or appends it (with markers) at the end. */
  static void replaceSection(Path doc, String name, String section) throws IOException {
    String begin = "<!-- sync-bench results: " + name + " -->";
    String end = "<!-- /sync-bench results: " + name + " -->";
    String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    String block = begin + "\n" + section + end;
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b >= 0 && e > b) text = text.substring(0, b) + block + text.substring(e + end.length());
    else text = text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + block + "\n";
    Files.writeString(doc, text, StandardCharsets.UTF_8);
  }

  private static long sum(Map<String, Long> calls) {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }
}
