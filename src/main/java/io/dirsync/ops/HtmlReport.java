package io.dirsync.ops;

import static io.dirsync.ops.Html.escape;

import io.dirsync.model.Failure;
import io.dirsync.model.FieldChange;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.ReportedChange;
import io.dirsync.model.RunReport;
import io.dirsync.model.SkippedEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run report as one self-contained HTML page (inline style, no script, no external file): the
 * outcome, the counts, failures and skipped entries with reasons, what changed user by user
 * (before → after), API calls and stage timings. Written next to the JSON report. Never shows a
 * secret: values named like passwords are already hidden in the report, and free text is masked.
 */
public final class HtmlReport {
  /** Rows per table; a 20,000-user first run lists the first ones and points to the JSON report for the rest. */
  static final int MAX_ROWS = 2000;

  public String render(RunReport r) {
    StringBuilder b = new StringBuilder(64 * 1024);
    OperationOutcome done = r.dryRun() ? OperationOutcome.PLANNED : OperationOutcome.APPLIED;
    String outcome = r.outcome() == null ? "RUNNING" : r.outcome().name();
    b.append("<h1>dirsync ").append(escape(r.kindOfRun())).append(" · job ").append(escape(r.job())).append("</h1>\n");
    b.append("<div class=\"meta\"><span id=\"outcome\" class=\"badge ").append(Html.tone(outcome)).append("\">")
        .append(escape(outcome.toLowerCase(Locale.ROOT).replace('_', ' ')))
        .append(r.outcome() == null ? "" : " · exit " + r.outcome().exitCode()).append("</span> ")
        .append("run <code>").append(escape(r.runId())).append("</code> · started ").append(escape(r.startedAt()))
        .append(" · took ").append(seconds(r)).append(" s");
    if (r.message() != null && !r.message().isBlank()) b.append("<br>").append(escape(Masking.mask(r.message())));
    b.append("</div>\n");

    b.append("<h2>Counts</h2>\n<div class=\"cards\" id=\"counts\">");
    card(b, "users in source", r.sourceUsers());
    card(b, "created", r.count(OperationKind.CREATE_USER, done));
    card(b, "updated", r.count(OperationKind.UPDATE_USER, done) + r.count(OperationKind.SET_CUSTOM_DATA, done));
    card(b, "unchanged", r.unchanged());
    card(b, "blocked", r.count(OperationKind.BLOCK_USER, done) + r.createdBlocked(done));
    card(b, "deleted", r.count(OperationKind.DELETE_USER, done));
    card(b, "memberships changed", r.memberships().getOrDefault(done, 0));
    card(b, "skipped", r.skipped().size());
    card(b, "failed", r.failures().size());
    card(b, "API calls", r.totalApiCalls());
    b.append("</div>\n");

    failures(b, r);
    skipped(b, r);
    changes(b, r);
    apiCalls(b, r.apiCalls());
    timings(b, r.timings());
    b.append("<p class=\"muted\">The full report, every row included, is the JSON file next to this page.</p>\n");
    return Html.page("dirsync " + r.kindOfRun() + " " + r.job() + " " + r.runId(), b.toString());
  }

  private static void failures(StringBuilder b, RunReport r) {
    b.append("<h2>Failures (").append(r.failures().size()).append(")</h2>\n");
    if (r.failures().isEmpty()) {
      b.append("<p class=\"muted\">None.</p>\n");
      return;
    }
    b.append("<table id=\"failures\"><tr><th>kind</th><th>target</th><th>who</th><th>reason</th></tr>\n");
    List<Failure> shown = r.failures().stream().limit(MAX_ROWS).toList();
    Map<String, String> whoByKey = new HashMap<>();
    shown.forEach(f -> whoByKey.put(f.kind() + " " + f.target(), null));
    for (ReportedChange c : r.changes()) { // one pass: a report's rows may be made as they are read
      String key = c.kind() + " " + c.target();
      if (c.user() != null && whoByKey.containsKey(key) && whoByKey.get(key) == null) whoByKey.put(key, c.user().describe());
    }
    for (Failure f : shown) {
      String who = java.util.Objects.requireNonNullElse(whoByKey.get(f.kind() + " " + f.target()), "");
      b.append("<tr><td>").append(kind(f.kind())).append("</td><td>").append(escape(f.target())).append("</td><td>")
          .append(escape(who)).append("</td><td>").append(escape(Masking.mask(f.reason()))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    more(b, r.failures().size());
  }

  private static void skipped(StringBuilder b, RunReport r) {
    b.append("<h2>Skipped entries (").append(r.skipped().size()).append(")</h2>\n");
    if (r.skipped().isEmpty()) {
      b.append("<p class=\"muted\">None.</p>\n");
      return;
    }
    b.append("<table id=\"skipped\"><tr><th>entry</th><th>rule</th><th>reason</th></tr>\n");
    for (SkippedEntry s : r.skipped().stream().limit(MAX_ROWS).toList()) {
      b.append("<tr><td>").append(escape(s.dn())).append("</td><td>").append(escape(s.rule())).append("</td><td>")
          .append(escape(Masking.mask(s.reason()))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    more(b, r.skipped().size());
  }

  private static void changes(StringBuilder b, RunReport r) {
    // one pass keeping only the rows shown: a report of a million users has 1.5 million rows
    List<ReportedChange> users = new ArrayList<>();
    List<ReportedChange> memberships = new ArrayList<>();
    int userRows = 0;
    int membershipRows = 0;
    int membershipCount = 0;
    for (ReportedChange c : r.changes()) {
      if (c.user() != null && userRows++ < MAX_ROWS) users.add(c);
      if (!c.members().isEmpty()) {
        if (membershipRows++ < MAX_ROWS) memberships.add(c);
        membershipCount += c.members().size();
      }
    }
    b.append("<h2>Changes by user (").append(userRows).append(")</h2>\n");
    if (users.isEmpty()) {
      b.append("<p class=\"muted\">None.</p>\n");
    } else {
      b.append("<table id=\"changes\"><tr><th>user</th><th>change</th><th>before → after</th><th>outcome</th></tr>\n");
      for (ReportedChange c : users) {
        String who = c.user().describe();
        b.append("<tr><td>").append(escape(who.isEmpty() ? c.target() : who)).append("<br><span class=\"muted\">")
            .append(escape(c.target())).append("</span></td><td>").append(kind(c.kind())).append("</td><td>");
        fields(b, c);
        b.append("</td><td>").append(outcome(c)).append("</td></tr>\n");
      }
      b.append("</table>\n");
      more(b, userRows);
    }
    if (memberships.isEmpty()) return;
    b.append("<h2>Membership changes (").append(membershipCount)
        .append(" in ").append(membershipRows).append(" operations)</h2>\n");
    b.append("<table id=\"memberships\"><tr><th>change</th><th>group / role / department</th><th>users</th><th>outcome</th></tr>\n");
    for (ReportedChange c : memberships) {
      List<String> shown = c.members().stream().limit(25).toList();
      b.append("<tr><td>").append(kind(c.kind())).append("</td><td>").append(escape(c.target())).append("</td><td>")
          .append(c.members().size()).append(": ").append(escape(String.join(", ", shown)))
          .append(c.members().size() > shown.size() ? " …" : "").append("</td><td>").append(outcome(c)).append("</td></tr>\n");
    }
    b.append("</table>\n");
    more(b, membershipRows);
  }

  private static void fields(StringBuilder b, ReportedChange c) {
    boolean first = true;
    for (FieldChange f : c.changes()) {
      if (!first) b.append("<br>");
      first = false;
      b.append("<code>").append(escape(f.field())).append("</code>: ");
      if (c.kind() != OperationKind.CREATE_USER) {
        b.append("<span class=\"before\">").append(escape(show(f.before()))).append("</span> → ");
      }
      b.append("<span class=\"after\">").append(escape(show(f.after()))).append("</span>");
    }
  }

  private static String outcome(ReportedChange c) {
    String name = c.outcome().name();
    return "<span class=\"badge " + Html.tone(name.equals("APPLIED") ? "SUCCESS" : name) + "\">" + name.toLowerCase(Locale.ROOT) + "</span>"
        + (c.reason() == null ? "" : " " + escape(Masking.mask(c.reason())));
  }

  private static void apiCalls(StringBuilder b, Map<String, Long> calls) {
    b.append("<h2>API calls</h2>\n");
    if (calls.isEmpty()) {
      b.append("<p class=\"muted\">None.</p>\n");
      return;
    }
    b.append("<table id=\"api-calls\"><tr><th>operation</th><th>calls</th></tr>\n");
    calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> b.append("<tr><td>").append(escape(e.getKey())).append("</td><td class=\"n\">").append(e.getValue()).append("</td></tr>\n"));
    b.append("</table>\n");
  }

  private static void timings(StringBuilder b, Map<String, Duration> timings) {
    b.append("<h2>Stage timings</h2>\n");
    if (timings.isEmpty()) {
      b.append("<p class=\"muted\">None.</p>\n");
      return;
    }
    long longest = Math.max(1, timings.values().stream().mapToLong(Duration::toMillis).max().orElse(1));
    b.append("<table id=\"timings\"><tr><th>stage</th><th>seconds</th><th></th></tr>\n");
    for (String stage : List.of("read", "lookup", "plan", "apply")) {
      Duration d = timings.get(stage);
      if (d != null) timing(b, stage, d, longest);
    }
    timings.forEach((stage, d) -> {
      if (!List.of("read", "lookup", "plan", "apply").contains(stage)) timing(b, stage, d, longest);
    });
    b.append("</table>\n");
  }

  private static void timing(StringBuilder b, String stage, Duration d, long longest) {
    b.append("<tr><td>").append(escape(stage)).append("</td><td class=\"n\">")
        .append(String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0)).append("</td><td><span class=\"bar\" style=\"width:")
        .append(Math.max(1, d.toMillis() * 300 / longest)).append("px\"></span></td></tr>\n");
  }

  private static void card(StringBuilder b, String label, long value) {
    b.append("<div class=\"card\"><div class=\"v\">").append(value).append("</div><div class=\"l\">").append(escape(label)).append("</div></div>");
  }

  private static void more(StringBuilder b, int size) {
    if (size > MAX_ROWS) b.append("<p class=\"muted\">… and ").append(size - MAX_ROWS).append(" more in the JSON report.</p>\n");
  }

  private static String kind(OperationKind kind) {
    return escape(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  private static String show(Object v) {
    if (v == null) return "(empty)";
    return v instanceof String s ? "\"" + s + "\"" : v.toString();
  }

  private static String seconds(RunReport r) {
    if (r.startedAt() == null || r.finishedAt() == null) return "?";
    return String.format(Locale.ROOT, "%.1f", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
  }
}
