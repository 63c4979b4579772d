package io.dirsync.ops;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {
  private static final Instant START = Instant.parse("2026-11-21T01:00:00Z");

  private final TestClock clock = new TestClock(START);
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final PrometheusMeterRegistry registry = RunMetrics.prometheusRegistry();
  private final RunMetrics metrics = new RunMetrics(registry);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private OpsServer server;

  @BeforeEach
  void start() {
    HealthPolicy policy = new HealthPolicy(List.of(new HealthPolicy.WatchedJob("nightly", "0 0 2 * * ?", ZoneOffset.UTC)), clock);
    server = new OpsServer("127.0.0.1", 0, store, policy, registry);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** What the sync flow does at the end of a run: record it in the store and the metrics. */
  private void finish(String job, RunOutcome outcome, Instant startedAt) {
    String id = store.startRun(job, false, startedAt);
    RunReport report = Reports.report(id, job, outcome, startedAt, Duration.ofSeconds(42));
    store.finishRun(report);
    metrics.record(report);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthGoesFrom200To503WhenARunFails() throws Exception {
    finish("nightly", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:00:00Z"));
    clock.set(Instant.parse("2026-11-21T09:00:00Z"));

    HttpResponse<String> ok = get("/health");
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(ok.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.get("jobs").get(0).get("job").asText()).isEqualTo("nightly");
    assertThat(body.get("jobs").get(0).get("status").asText()).isEqualTo("OK");
    assertThat(body.get("jobs").get(0).get("lastSuccess").asText()).isEqualTo("2026-11-21T02:00:42Z");

    finish("nightly", RunOutcome.PARTIAL_FAILURE, Instant.parse("2026-11-22T02:00:00Z"));
    clock.set(Instant.parse("2026-11-22T09:00:00Z"));

    HttpResponse<String> failing = get("/health");
    assertThat(failing.statusCode()).isEqualTo(503);
    JsonNode down = json.readTree(failing.body());
    assertThat(down.get("status").asText()).isEqualTo("DOWN");
    assertThat(down.get("reasons").get(0).asText())
        .isEqualTo("job nightly: last run failed (exit 1, partial failure) at 2026-11-22T02:00:42Z: 1 operation failed");
    assertThat(down.get("jobs").get(0).get("status").asText()).isEqualTo("FAILING");
  }

  @Test
  void healthIs503WhenTheStateStoreCannotBeRead() throws Exception {
    store.failWith(new IllegalStateException("connection refused"));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("state store unavailable: connection refused");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsCarryTheCountersOfARecordedReport() throws Exception {
    finish("nightly", RunOutcome.PARTIAL_FAILURE, Instant.parse("2026-11-21T02:00:00Z"));

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body())
        .contains("dirsync_runs_total{dry_run=\"false\",outcome=\"partial_failure\",sync_job=\"nightly\"} 1.0")
        .contains("dirsync_operations_total{kind=\"create_user\",outcome=\"applied\",sync_job=\"nightly\"} 7.0")
        .contains("dirsync_operations_total{kind=\"update_user\",outcome=\"failed\",sync_job=\"nightly\"} 1.0")
        .contains("dirsync_api_calls_total{operation=\"findUsersByExternalIds\",sync_job=\"nightly\"} 4.0")
        .contains("dirsync_run_duration_seconds_count{outcome=\"partial_failure\",sync_job=\"nightly\"} 1")
        .contains("dirsync_run_duration_seconds_sum{outcome=\"partial_failure\",sync_job=\"nightly\"} 42.0")
        .contains("dirsync_last_run_exit_code{sync_job=\"nightly\"} 1.0")
        .contains("dirsync_last_success_timestamp_seconds{sync_job=\"nightly\"} 0.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void theLastSuccessGaugeHoldsTheTimeOfTheLastSuccessfulRun() throws Exception {
    finish("nightly", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:00:00Z"));
    finish("nightly", RunOutcome.UNREACHABLE, Instant.parse("2026-11-22T02:00:00Z"));

    String body = get("/metrics").body();

    double lastSuccess = Instant.parse("2026-11-21T02:00:42Z").getEpochSecond();
    assertThat(gauge(body, "dirsync_last_success_timestamp_seconds{sync_job=\"nightly\"}")).isEqualTo(lastSuccess);
    assertThat(gauge(body, "dirsync_last_run_exit_code{sync_job=\"nightly\"}")).isEqualTo(4.0);
  }

  @Test
  void restoringHistorySetsTheLastSuccessGaugeAfterARestart() throws Exception {
    finish("nightly", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:00:00Z"));
    PrometheusMeterRegistry fresh = RunMetrics.prometheusRegistry();
    new RunMetrics(fresh).restore(store.recentRuns(100));

    assertThat(gauge(fresh.scrape(), "dirsync_last_success_timestamp_seconds{sync_job=\"nightly\"}"))
        .isEqualTo((double) Instant.parse("2026-11-21T02:00:42Z").getEpochSecond());
  }

  @Test
  void runsListsRecentRunsNewestFirst() throws Exception {
    finish("nightly", RunOutcome.SUCCESS, Instant.parse("2026-11-21T02:00:00Z"));
    finish("nightly", RunOutcome.STOPPED_BY_GUARD, Instant.parse("2026-11-22T02:00:00Z"));
    store.startRun("nightly", false, Instant.parse("2026-11-23T02:00:00Z"));

    HttpResponse<String> response = get("/runs?limit=2");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode runs = json.readTree(response.body());
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).get("outcome").asText()).isEqualTo("RUNNING");
    assertThat(runs.get(1).get("outcome").asText()).isEqualTo("STOPPED_BY_GUARD");
    assertThat(runs.get(1).get("exitCode").asInt()).isEqualTo(3);
    assertThat(runs.get(1).get("startedAt").asText()).isEqualTo("2026-11-22T02:00:00Z");
    assertThat(json.readTree(get("/runs").body())).hasSize(3);
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(404);
    HttpRequest post = HttpRequest.newBuilder(server.baseUri().resolve("/health")).POST(HttpRequest.BodyPublishers.noBody()).build();
    assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    assertThat(get("/runs?limit=x").statusCode()).isEqualTo(400);
  }

  @Test
  void theHealthProbeExitsZeroOnlyWhileHealthIs200() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    String url = server.baseUri().resolve("/health").toString();

    assertThat(HealthProbe.run(new String[] {url}, errStream)).isZero();

    finish("nightly", RunOutcome.PARTIAL_FAILURE, Instant.parse("2026-11-21T02:00:00Z"));
    assertThat(HealthProbe.run(new String[] {url}, errStream)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered 503").contains("last run failed (exit 1");
    assertThat(HealthProbe.run(new String[] {"http://127.0.0.1:1/health"}, errStream)).isEqualTo(1);
  }

  private static double gauge(String scrape, String series) {
    return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .orElseThrow(() -> new AssertionError(series + " not in\n" + scrape));
  }
}
