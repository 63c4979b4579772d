package io.dirsync.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells people about a run that failed, partly failed or was stopped by a guard (as configured):
 * a webhook POST with dirsync's JSON payload or a Slack-compatible message, with the run's counts
 * and a link or path to its HTML report. Retried; never fails the run; free text masked.
 */
public final class Notifier {

  /** A webhook: {@code format} json or slack; {@code url} and header values are secrets. */
  public record Hook(String url, String format, Map<String, String> headers, int maxAttempts, Duration timeout) {
    public Hook {
      headers = Map.copyOf(headers);
    }
  }

  /** {@code on}: failure, partial_failure, guard_stop, success. {@code reportUrl}: base URL for the report link, or null. */
  public record Settings(Set<String> on, String reportUrl, List<Hook> hooks) {
    public Settings {
      on = Set.copyOf(on);
      hooks = List.copyOf(hooks);
    }
  }

  private final Settings settings;
  private final Delivery delivery;
  private final ObjectMapper json = new ObjectMapper();

  public Notifier(Settings settings) {
    this(settings, Delivery.standard());
  }

  Notifier(Settings settings, Delivery delivery) {
    this.settings = settings;
    this.delivery = delivery;
  }

  /** The event a run's outcome is: failure, partial_failure, guard_stop or success. */
  static String event(RunOutcome outcome) {
    return switch (outcome) {
      case SUCCESS -> "success";
      case PARTIAL_FAILURE -> "partial_failure";
      case STOPPED_BY_GUARD -> "guard_stop";
      default -> "failure";
    };
  }

  /** Sends to every hook when the run's outcome is one to tell about; returns how many hooks took it. */
  public int notify(RunReport report, Path htmlReport) {
    if (report.outcome() == null || !settings.on().contains(event(report.outcome()))) return 0;
    String link = link(htmlReport);
    int delivered = 0;
    for (Hook hook : settings.hooks()) {
      String body = hook.format().equals("slack") ? slack(report, link) : generic(report, link);
      if (delivery.send("notification (" + hook.format() + ")", "POST", hook.url(), "application/json", body, hook.headers(),
          hook.maxAttempts(), hook.timeout())) {
        delivered++;
      }
    }
    return delivered;
  }

  private String link(Path html) {
    if (html == null) return null;
    if (settings.reportUrl() == null) return html.toAbsolutePath().toString();
    String base = settings.reportUrl();
    return (base.endsWith("/") ? base : base + "/") + html.getFileName();
  }

  String generic(RunReport r, String link) {
    ObjectNode o = json.createObjectNode();
    o.put("event", event(r.outcome()));
    o.put("job", r.job());
    o.put("runId", r.runId());
    o.put("kind", r.kindOfRun());
    o.put("outcome", r.outcome().name());
    o.put("exitCode", r.outcome().exitCode());
    o.put("message", Masking.mask(r.message()));
    o.put("startedAt", String.valueOf(r.startedAt()));
    o.put("finishedAt", String.valueOf(r.finishedAt()));
    ObjectNode counts = o.putObject("counts");
    counts(r).forEach(counts::put);
    o.put("report", link);
    var failures = o.putArray("failures");
    r.failures().stream().limit(20).forEach(f -> failures.addObject().put("kind", f.kind().name()).put("target", f.target())
        .put("reason", Masking.mask(f.reason())));
    return o.toString();
  }

  String slack(RunReport r, String link) {
    Map<String, Integer> c = counts(r);
    String icon = switch (r.outcome()) {
      case SUCCESS -> ":white_check_mark:";
      case PARTIAL_FAILURE, STOPPED_BY_GUARD -> ":warning:";
      default -> ":x:";
    };
    StringBuilder text = new StringBuilder();
    text.append(icon).append(" *dirsync ").append(r.kindOfRun()).append(" `").append(r.job()).append("`*: ")
        .append(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" (exit ").append(r.outcome().exitCode()).append(")");
    if (r.message() != null) text.append(" — ").append(Masking.mask(r.message()));
    text.append("\ncreated ").append(c.get("created")).append(" · updated ").append(c.get("updated"))
        .append(" · blocked ").append(c.get("blocked")).append(" · deleted ").append(c.get("deleted"))
        .append(" · failed ").append(c.get("failed")).append(" · skipped ").append(c.get("skipped"));
    r.failures().stream().limit(5).forEach(f -> text.append("\n• ").append(f.kind().name().toLowerCase(Locale.ROOT)).append(' ')
        .append(f.target()).append(": ").append(Masking.mask(f.reason())));
    if (link != null) text.append(link.startsWith("http") ? "\n<" + link + "|HTML report>" : "\nreport: " + link);
    text.append("\nrun ").append(r.runId());
    ObjectNode o = json.createObjectNode();
    o.put("text", text.toString());
    return o.toString();
  }

  private static Map<String, Integer> counts(RunReport r) {
    OperationOutcome done = r.dryRun() ? OperationOutcome.PLANNED : OperationOutcome.APPLIED;
    Map<String, Integer> c = new java.util.LinkedHashMap<>();
    c.put("sourceUsers", r.sourceUsers());
    c.put("created", r.count(OperationKind.CREATE_USER, done));
    c.put("updated", r.count(OperationKind.UPDATE_USER, done) + r.count(OperationKind.SET_CUSTOM_DATA, done));
    c.put("unchanged", r.unchanged());
    c.put("blocked", r.count(OperationKind.BLOCK_USER, done) + r.createdBlocked(done));
    c.put("deleted", r.count(OperationKind.DELETE_USER, done));
    c.put("membershipsChanged", r.memberships().getOrDefault(done, 0));
    c.put("skipped", r.skipped().size());
    c.put("failed", r.failures().size());
    c.put("apiCalls", (int) r.totalApiCalls());
    return c;
  }
}
