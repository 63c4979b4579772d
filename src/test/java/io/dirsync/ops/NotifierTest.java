package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NotifierTest {
  private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  private static final Set<String> DEFAULT_ON = Set.of("failure", "partial_failure", "guard_stop");
  private final List<Duration> pauses = new ArrayList<>();
  private final Delivery delivery = new Delivery(Duration.ofMillis(500), pauses::add);
  private final ObjectMapper json = new ObjectMapper();
  private final Path html = Path.of("/data/reports/20261122-020000-nightly-r1.html");

  private static RunReport report(RunOutcome outcome) {
    RunReport r = Reports.report("r1", "nightly", outcome, T0, Duration.ofSeconds(42));
    return new RunReport(r.runId(), r.job(), false, r.startedAt(), r.finishedAt(), r.outcome(),
        outcome == RunOutcome.SUCCESS ? null : "bind failed with password=hunter2", r.sourceUsers(), r.unchanged(), r.counts(),
        r.skipped(), r.failures(), r.apiCalls(), r.timings());
  }

  @Test
  void aPartialFailureIsPostedAsJsonWithCountsAndTheReportLinkRetriedPastA503() throws Exception {
    try (HookServer hook = new HookServer(503)) {
      Notifier notifier = new Notifier(new Notifier.Settings(DEFAULT_ON, "http://dirsync.internal:9464/reports/",
          List.of(new Notifier.Hook(hook.url("/hooks/T0/B0/tok3n"), "json", Map.of("Authorization", "Bearer s3cret"), 3, Duration.ofSeconds(5)))),
          delivery);

      int delivered = notifier.notify(report(RunOutcome.PARTIAL_FAILURE), html);

      assertThat(delivered).isEqualTo(1);
      assertThat(hook.requests()).hasSize(2);
      assertThat(pauses).containsExactly(Duration.ofMillis(500));
      HookServer.Request last = hook.requests().get(1);
      assertThat(last.method()).isEqualTo("POST");
      assertThat(last.headers().get("Authorization")).containsExactly("Bearer s3cret");
      JsonNode body = json.readTree(last.body());
      assertThat(body.get("event").asText()).isEqualTo("partial_failure");
      assertThat(body.get("job").asText()).isEqualTo("nightly");
      assertThat(body.get("exitCode").asInt()).isEqualTo(1);
      assertThat(body.get("counts").get("created").asInt()).isEqualTo(7);
      assertThat(body.get("counts").get("failed").asInt()).isEqualTo(1);
      assertThat(body.get("failures").get(0).get("reason").asText()).isEqualTo("email rejected");
      assertThat(body.get("report").asText()).isEqualTo("http://dirsync.internal:9464/reports/20261122-020000-nightly-r1.html");
      assertThat(body.get("message").asText()).isEqualTo("bind failed with password=****");
    }
  }

  @Test
  void aSlackHookGetsAReadableTextMessageAndSuccessIsNotToldByDefault() throws Exception {
    try (HookServer hook = new HookServer()) {
      Notifier notifier = new Notifier(new Notifier.Settings(DEFAULT_ON, null,
          List.of(new Notifier.Hook(hook.url("/slack"), "slack", Map.of(), 3, Duration.ofSeconds(5)))), delivery);

      assertThat(notifier.notify(report(RunOutcome.SUCCESS), html)).isZero();
      assertThat(notifier.notify(report(RunOutcome.STOPPED_BY_GUARD), html)).isEqualTo(1);

      assertThat(hook.requests()).hasSize(1);
      String text = json.readTree(hook.requests().get(0).body()).get("text").asText();
      assertThat(text).contains("*dirsync sync `nightly`*: stopped by guard (exit 3)")
          .contains("created 7 · updated 3").contains("report: " + html.toAbsolutePath())
          .contains("password=****").doesNotContain("hunter2");
    }
  }

  @Test
  void anUnreachableHookNeitherThrowsNorLogsItsToken() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Logger log = (Logger) LoggerFactory.getLogger(Delivery.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      Notifier notifier = new Notifier(new Notifier.Settings(Set.of("failure"), null,
          List.of(new Notifier.Hook("http://127.0.0.1:" + closedPort + "/services/T0/B0/tok3n", "json", Map.of(), 2, Duration.ofSeconds(2)))),
          delivery);

      assertThat(notifier.notify(report(RunOutcome.UNREACHABLE), html)).isZero();
    } finally {
      log.detachAppender(lines);
    }
    assertThat(lines.list).isNotEmpty();
    assertThat(lines.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("tok3n"));
    assertThat(lines.list.get(lines.list.size() - 1).getFormattedMessage()).contains("not delivered to http://127.0.0.1:" + closedPort);
  }

  @Test
  void aOneShotRunsMetricsArePushedToThePushgatewayAndWrittenForNodeExporter(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    try (HookServer gateway = new HookServer()) {
      Path textfile = dir.resolve("textfile/dirsync.prom");
      new MetricsExport(gateway.url("/"), textfile, delivery).export(report(RunOutcome.PARTIAL_FAILURE));

      assertThat(gateway.requests()).hasSize(1);
      HookServer.Request push = gateway.requests().get(0);
      assertThat(push.method()).isEqualTo("PUT");
      assertThat(push.path()).isEqualTo("/metrics/job/dirsync/sync_job/nightly");
      assertThat(push.body()).contains("dirsync_runs_total{dry_run=\"false\",outcome=\"partial_failure\",sync_job=\"nightly\"} 1.0")
          .contains("dirsync_last_run_exit_code{sync_job=\"nightly\"} 1.0");
      assertThat(java.nio.file.Files.readString(textfile)).isEqualTo(push.body());
    }
  }
}
