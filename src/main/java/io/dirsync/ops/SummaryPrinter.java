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
        r.dryRun() ? "sync --dry-run" : "sync", r.job(), r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), took.toMillis() / 1000.0));
    OperationOutcome done = r.dryRun() ? OperationOutcome.PLANNED : OperationOutcome.APPLIED;
    line(s, "users in source", r.sourceUsers());
    line(s, "created", r.count(OperationKind.CREATE_USER, done));
    line(s, "updated", r.count(OperationKind.UPDATE_USER, done) + r.count(OperationKind.SET_CUSTOM_DATA, done));
    line(s, "unchanged", r.unchanged());
    line(s, "blocked", r.count(OperationKind.BLOCK_USER, done));
    line(s, "deleted", r.count(OperationKind.DELETE_USER, done));
    line(s, "memberships changed", membershipChanges(r, done));
    line(s, "departments changed", r.count(OperationKind.CREATE_DEPARTMENT, done) + r.count(OperationKind.UPDATE_DEPARTMENT, done));
    line(s, "skipped", r.skipped().size());
    for (SkippedEntry e : r.skipped().stream().limit(MAX_LISTED).toList()) {
      s.append("      ").append(e.dn()).append(": ").append(e.rule()).append(": ").append(e.reason()).append('\n');
    }
    more(s, r.skipped().size());
    line(s, "failed", r.failures().size());
    for (Failure f : r.failures().stream().limit(MAX_LISTED).toList()) {
      s.append("      ").append(f.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(f.target()).append(": ").append(f.reason()).append('\n');
    }
    more(s, r.failures().size());
    s.append(String.format(Locale.ROOT, "  %-22s %6d   %s%n", "API calls", r.totalApiCalls(), callBreakdown(r.apiCalls())));
    s.append("  outcome: ").append(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(" (exit ").append(r.outcome().exitCode()).append(")");
    if (r.message() != null && !r.message().isBlank()) s.append(" — ").append(r.message());
    return s.append('\n').toString();
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
