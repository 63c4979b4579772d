package io.dirsync.ops;

import static io.dirsync.ops.Html.escape;

import io.dirsync.model.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The page {@code dirsync schedule} serves at {@code /}: health, each job with its schedule and
 * next firing, recent runs with outcome and counts, each linked to its HTML report. Self-contained
 * and refreshing itself every 30 s.
 */
public final class StatusPage {

  /** A scheduled job as the page shows it; {@code nextFiring} null when not scheduled. */
  public record ScheduledJob(String name, String cron, String zone, Instant nextFiring) {}

  /** Where the page learns the jobs' schedules from (the scheduler). */
  @FunctionalInterface
  public interface Schedules {
    List<ScheduledJob> jobs();
  }

  private final Schedules schedules;
  private final Path reportsDir;

  /** {@code reportsDir}: where run reports are written, or null when there are none to link. */
  public StatusPage(Schedules schedules, Path reportsDir) {
    this.schedules = schedules;
    this.reportsDir = reportsDir;
  }

  public String render(Health health, List<RunSummary> runs) {
    StringBuilder b = new StringBuilder(16 * 1024);
    String status = health.healthy() ? "UP" : "DOWN";
    b.append("<h1>dirsync schedule</h1>\n<div class=\"meta\"><span id=\"health\" class=\"badge ").append(Html.tone(status)).append("\">")
        .append(health.healthy() ? "healthy" : "unhealthy").append("</span> checked ").append(escape(health.checkedAt()))
        .append(" · <a href=\"/health\">/health</a> · <a href=\"/metrics\">/metrics</a> · <a href=\"/runs\">/runs</a></div>\n");
    if (!health.reasons().isEmpty()) {
      b.append("<ul id=\"reasons\">");
      health.reasons().forEach(r -> b.append("<li>").append(escape(r)).append("</li>"));
      b.append("</ul>\n");
    }
    jobs(b, health);
    runs(b, runs);
    return Html.page("dirsync schedule", b.toString()).replace("<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"30\">");
  }

  private void jobs(StringBuilder b, Health health) {
    Map<String, JobHealth> byJob = new HashMap<>();
    health.jobs().forEach(j -> byJob.put(j.job(), j));
    b.append("<h2>Jobs</h2>\n<table id=\"jobs\"><tr><th>job</th><th>schedule</th><th>next run</th><th>status</th>"
        + "<th>last run</th><th>last success</th></tr>\n");
    for (ScheduledJob job : schedules.jobs()) {
      JobHealth h = byJob.get(job.name());
      String state = h == null ? "UNKNOWN" : h.status().name();
      b.append("<tr><td>").append(escape(job.name())).append("</td><td><code>").append(escape(job.cron())).append("</code> (")
          .append(escape(job.zone())).append(")</td><td>").append(job.nextFiring() == null ? "not scheduled" : escape(job.nextFiring()))
          .append("</td><td><span class=\"badge ").append(Html.tone(state)).append("\">").append(state.toLowerCase(Locale.ROOT))
          .append("</span>").append(h != null && h.running() ? " running now" : "")
          .append(h != null && h.reason() != null ? " " + escape(h.reason()) : "").append("</td><td>")
          .append(h == null || h.lastRun() == null ? "never" : escape(h.lastRun().finishedAt()) + " · "
              + escape(h.lastRun().outcome() == null ? "" : h.lastRun().outcome().name().toLowerCase(Locale.ROOT)))
          .append("</td><td>").append(h == null || h.lastSuccess() == null ? "never" : escape(h.lastSuccess())).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private void runs(StringBuilder b, List<RunSummary> runs) {
    b.append("<h2>Recent runs</h2>\n");
    if (runs.isEmpty()) {
      b.append("<p class=\"muted\" id=\"no-runs\">No runs yet.</p>\n");
      return;
    }
    Map<String, String> pages = reportPages(runs);
    b.append("<table id=\"runs\"><tr><th>started</th><th>job</th><th>kind</th><th>outcome</th><th>changes</th><th>failed</th>"
        + "<th>API calls</th><th>seconds</th><th>report</th></tr>\n");
    for (RunSummary r : runs) {
      String outcome = r.outcome() == null ? "RUNNING" : r.outcome().name();
      String page = pages.get(r.runId());
      b.append("<tr><td>").append(escape(r.startedAt())).append("</td><td>").append(escape(r.job())).append("</td><td>")
          .append(r.dryRun() ? "dry-run" : "sync").append("</td><td><span class=\"badge ").append(Html.tone(outcome)).append("\">")
          .append(escape(outcome.toLowerCase(Locale.ROOT).replace('_', ' '))).append("</span>")
          .append(r.message() == null ? "" : " <span class=\"muted\">" + escape(Masking.mask(r.message())) + "</span>")
          .append("</td><td class=\"n\">").append(r.changes()).append("</td><td class=\"n\">").append(r.failures())
          .append("</td><td class=\"n\">").append(r.apiCalls()).append("</td><td class=\"n\">")
          .append(r.finishedAt() == null ? "" : String.format(Locale.ROOT, "%.1f", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0))
          .append("</td><td>").append(page == null ? "" : "<a href=\"/reports/" + escape(page) + "\">report</a>").append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  /** runId → the HTML report's file name, for the reports written as {@code <time>-<job>-<runId>.html}. */
  private Map<String, String> reportPages(List<RunSummary> runs) {
    Map<String, String> pages = new HashMap<>();
    if (reportsDir == null || !Files.isDirectory(reportsDir)) return pages;
    List<String> names;
    try (Stream<Path> files = Files.list(reportsDir)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).toList();
    } catch (IOException e) {
      return pages;
    }
    for (RunSummary r : runs) {
      names.stream().filter(n -> n.endsWith("-" + r.runId() + ".html")).findFirst().ifPresent(n -> pages.put(r.runId(), n));
    }
    return pages;
  }

  /** The report file {@code name} inside the reports directory, or null when it is not one (no paths, only .html/.json). */
  Path report(String name) {
    if (reportsDir == null || !name.matches("[A-Za-z0-9._-]+\\.(html|json)") || name.startsWith(".")) return null;
    Path file = reportsDir.resolve(name).normalize();
    return file.getParent().equals(reportsDir.normalize()) && Files.isRegularFile(file) ? file : null;
  }
}
