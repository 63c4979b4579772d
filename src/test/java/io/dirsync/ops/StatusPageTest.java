package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page of `dirsync schedule` at `/`, rendered by headless Chromium, and the reports it links. */
class StatusPageTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T09:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore();
  @TempDir Path reports;
  private OpsServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private void start() {
    HealthPolicy policy = new HealthPolicy(List.of(new HealthPolicy.WatchedJob("nightly", "0 0 2 * * ?", ZoneOffset.UTC),
        new HealthPolicy.WatchedJob("hourly", "0 0 * * * ?", ZoneOffset.UTC)), clock);
    StatusPage page = new StatusPage(() -> List.of(
        new StatusPage.ScheduledJob("nightly", "0 0 2 * * ?", "UTC", Instant.parse("2026-11-23T02:00:00Z")),
        new StatusPage.ScheduledJob("hourly", "0 0 * * * ?", "UTC", Instant.parse("2026-11-22T10:00:00Z"))), reports);
    server = new OpsServer("127.0.0.1", 0, store, policy, RunMetrics.prometheusRegistry(), page);
    server.start();
  }

  private RunReport finish(String job, RunOutcome outcome, Instant startedAt) {
    String id = store.startRun(job, false, startedAt);
    RunReport report = Reports.report(id, job, outcome, startedAt, Duration.ofSeconds(42));
    store.finishRun(report);
    new ReportWriter().writeInto(reports, report);
    return report;
  }

  @Test
  void thePageShowsHealthEachJobsNextRunAndRecentRunsLinkedToTheirReports() throws Exception {
    RunReport ok = finish("nightly", RunOutcome.SUCCESS, Instant.parse("2026-11-22T02:00:00Z"));
    RunReport failed = finish("hourly", RunOutcome.PARTIAL_FAILURE, Instant.parse("2026-11-22T08:00:00Z"));
    start();

    String dom = Chromium.dumpDom(server.baseUri().toString());
    String text = Chromium.text(dom);

    assertThat(text).contains("dirsync schedule")
        .contains("unhealthy")
        .contains("job hourly: last run failed (exit 1, partial failure)")
        .contains("nightly 0 0 2 * * ? (UTC) 2026-11-23T02:00:00Z ok")
        .contains("hourly 0 0 * * * ? (UTC) 2026-11-22T10:00:00Z failing")
        .contains("2026-11-22T08:00:00Z hourly sync partial failure 1 operation failed 10 1 11 42.0 report")
        .contains("2026-11-22T02:00:00Z nightly sync success 10 0 11 42.0 report");
    Matcher link = Pattern.compile("href=\"(/reports/[^\"]+-" + failed.runId() + "\\.html)\"").matcher(dom);
    assertThat(link.find()).as(dom).isTrue();
    assertThat(dom).contains("-" + ok.runId() + ".html\"");

    String report = Chromium.text(Chromium.dumpDom(server.baseUri().resolve(link.group(1)).toString()));
    assertThat(report).contains("dirsync sync · job hourly").contains("partial failure · exit 1").contains("email rejected");
  }

  @Test
  void onlyReportFilesAreServedFromTheReportsDirectory() throws Exception {
    start();
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/reports/..%2Fsecret.html", "/reports/../../etc/passwd", "/reports/x.txt", "/reports/nope.html")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path.substring(1))).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(404);
    }
    String text = Chromium.text(Chromium.dumpDom(server.baseUri().toString()));
    assertThat(text).contains("No runs yet.").contains("never");
  }
}
