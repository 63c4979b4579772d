package io.dirsync.ops;

import io.dirsync.model.Failure;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The short summary table printed after a run. */
public final class SummaryPrinter {
  private static final int MAX_LISTED = 10;

  public String summary(RunReport r) {
    StringBuilder s = new StringBuilder();
    Duration took = Duration.between(r.startedAt(), r.finishedAt());
    s.append(String.format(Locale.ROOT, "dirsync %s · job %s · %s · %.1f s%n",
        r.dryRun() ? "sync --dry-run" : r.mode(), r.job(), r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), took.toMillis() / 1000.0));
    OperationOutcome done = r.dryRun() ? OperationOutcome.PLANNED : OperationOutcome.APPLIED;
    line(s, "users in source", r.sourceUsers());
    line(s, "created", r.count(OperationKind.CREATE_USER, done));
    line(s, "updated", r.count(OperationKind.UPDATE_USER, done) + r.count(OperationKind.SET_CUSTOM_DATA, done));
    line(s, "unchanged", r.unchanged());
    // A user created blocked (disabled in the source) is a blocked user too.
    line(s, "blocked", r.count(OperationKind.BLOCK_USER, done) + r.createdBlocked(done));
    line(s, "deleted", r.count(OperationKind.DELETE_USER, done));
    line(s, "memberships changed", r.memberships().isEmpty() ? membershipChanges(r, done) : r.memberships().getOrDefault(done, 0));
    line(s, "membership operations", membershipChanges(r, done));
    line(s, "departments changed", r.count(OperationKind.CREATE_DEPARTMENT, done) + r.count(OperationKind.UPDATE_DEPARTMENT, done));
    line(s, "skipped", r.skipped().size());
    for (SkippedEntry e : r.skipped().stream().limit(MAX_LISTED).toList()) {
      s.append("      ").append(e.dn()).append(": ").append(e.rule()).append(": ").append(e.reason()).append('\n');
    }
    more(s, r.skipped().size());
    line(s, "failed", r.failures().size());
    List<Failure> listed = r.failures().stream().limit(MAX_LISTED).toList();
    Map<String, String> who = who(r, listed);
    for (Failure f : listed) {
      s.append("      ").append(f.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(f.target())
          .append(who.getOrDefault(f.kind() + " " + f.target(), ""))
          .append(": ").append(f.reason()).append('\n');
    }
    more(s, r.failures().size());
    s.append(String.format(Locale.ROOT, "  %-22s %6d   %s%n", "API calls", r.totalApiCalls(), callBreakdown(r.apiCalls())));
    s.append("  outcome: ").append(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(" (exit ").append(r.outcome().exitCode()).append(")");
    if (r.message() != null && !r.message().isBlank()) s.append(" — ").append(r.message());
    return s.append('\n').toString();
  }

  /**
   * " (alice · alice@example.org · uid=alice,…)" by "KIND target" of each failure the report knows
   * who it was about; one pass over the rows, which a report may make as they are read.
   */
  private static Map<String, String> who(RunReport r, List<Failure> failures) {
    Map<String, String> out = new java.util.HashMap<>();
    if (failures.isEmpty()) return out;
    java.util.Set<String> wanted = new java.util.HashSet<>();
    failures.forEach(f -> wanted.add(f.kind() + " " + f.target()));
    for (io.dirsync.model.ReportedChange c : r.changes()) {
      if (c.user() == null || c.user().blank()) continue;
      String key = c.kind() + " " + c.target();
      if (wanted.contains(key)) out.putIfAbsent(key, " (" + c.user().describe() + ")");
    }
    return out;
  }

  /**
   * The summary as one JSON object on one line (JSON mode): the counts of the text summary, the
   * run id, outcome and exit code, and where the report is.
   */
  public String json(RunReport r, String reportFile, java.time.Instant now) {
    OperationOutcome done = r.dryRun() ? OperationOutcome.PLANNED : OperationOutcome.APPLIED;
    Map<String, Object> o = new java.util.LinkedHashMap<>();
    o.put("time", now.toString());
    o.put("level", r.outcome().exitCode() == 0 ? "INFO" : "WARN");
    o.put("logger", "io.dirsync.cli");
    o.put("message", "dirsync " + r.kindOfRun() + " finished: " + r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " (exit " + r.outcome().exitCode() + ")" + (r.message() == null ? "" : " — " + r.message()));
    o.put("job", r.job());
    o.put("runId", r.runId());
    o.put("kind", r.kindOfRun());
    o.put("outcome", r.outcome().name());
    o.put("exitCode", r.outcome().exitCode());
    o.put("sourceUsers", r.sourceUsers());
    o.put("created", r.count(OperationKind.CREATE_USER, done));
    o.put("updated", r.count(OperationKind.UPDATE_USER, done) + r.count(OperationKind.SET_CUSTOM_DATA, done));
    o.put("unchanged", r.unchanged());
    o.put("blocked", r.count(OperationKind.BLOCK_USER, done) + r.createdBlocked(done));
    o.put("deleted", r.count(OperationKind.DELETE_USER, done));
    o.put("membershipsChanged", r.memberships().isEmpty() ? membershipChanges(r, done) : r.memberships().getOrDefault(done, 0));
    o.put("membershipOperations", membershipChanges(r, done));
    o.put("skipped", r.skipped().size());
    o.put("failed", r.failures().size());
    o.put("apiCalls", r.totalApiCalls());
    o.put("durationSeconds", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
    if (reportFile != null) o.put("report", reportFile);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int membershipChanges(RunReport r, OperationOutcome done) {
    int total = 0;
    for (OperationKind kind : List.of(OperationKind.ADD_TO_GROUP, OperationKind.REMOVE_FROM_GROUP, OperationKind.ASSIGN_ROLE,
        OperationKind.REVOKE_ROLE, OperationKind.ADD_TO_DEPARTMENT, OperationKind.REMOVE_FROM_DEPARTMENT, OperationKind.SET_MAIN_DEPARTMENT)) {
      total += r.count(kind, done);
    }
    return total;
  }

  private static void line(StringBuilder s, String label, long value) {
    s.append(String.format(Locale.ROOT, "  %-22s %6d%n", label, value));
  }

  private static void more(StringBuilder s, int size) {
    if (size > MAX_LISTED) s.append("      … and ").append(size - MAX_LISTED).append(" more in the JSON report\n");
  }

  private static String callBreakdown(Map<String, Long> calls) {
    if (calls.isEmpty()) return "";
    return calls.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
