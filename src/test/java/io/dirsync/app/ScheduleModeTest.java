package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dirsync schedule` wired end to end: the demo job fires on its cron (every 5 s), and /health, /metrics, /runs show it. */
class ScheduleModeTest {
  @TempDir Path dir;

  @Test
  void aScheduledDemoJobRunsAndTheEndpointsReportItUntilStopped() throws Exception {
    Path config = dir.resolve("dirsync.yaml");
    Files.writeString(config, Files.readString(Path.of("config/dirsync.yaml"))
        .replace("\"0 0 2 * * ?\"", "\"0/5 * * * * ?\"")
        .replace("demo/corp.ldif", Path.of("config/demo/corp.ldif").toAbsolutePath().toString())
        .replace("../mappings/demo.yaml", Path.of("mappings/demo.yaml").toAbsolutePath().toString())
        + "http: {address: 127.0.0.1, port: 0}\n");
    LineWatcher out = new LineWatcher(Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)"));
    App app = new App(Map.of("DIRSYNC_DATA", dir.resolve("data").toString()), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));

    CompletableFuture<Void> daemon = CompletableFuture.runAsync(() -> app.schedule(config, new PrintStream(out, true, StandardCharsets.UTF_8)));
    try {
      URI base = out.awaitMatch(Duration.ofSeconds(60));
      HttpClient http = HttpClient.newHttpClient();
      // Metrics are recorded last, after the run's row and report: once they show, the run is complete.
      String metrics = awaitBody(http, base.resolve("metrics"),
          body -> body.contains("dirsync_api_calls_total{operation=\"POST /api/v2/users/batch\",sync_job=\"demo\"}"), Duration.ofSeconds(90));

      assertThat(metrics).contains("dirsync_api_calls_total{operation=\"createUser\",sync_job=\"demo\"} 300.0");
      String runs = http.send(HttpRequest.newBuilder(base.resolve("runs")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(runs).contains("\"job\" : \"demo\"").contains("\"SUCCESS\"");
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      app.requestStop();
      daemon.get(60, TimeUnit.SECONDS);
    }
    assertThat(daemon).isDone();
  }

  /** Polls an endpoint until its body satisfies {@code done}: the job runs on its own schedule. */
  private static String awaitBody(HttpClient http, URI uri, java.util.function.Predicate<String> done, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
      if (done.test(body)) return body;
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("gave up waiting on " + uri + "; last answer: " + body);
  }

  /** Output that signals when a line matches, so the test waits on a latch for the server's address. */
  private static final class LineWatcher extends OutputStream {
    private final Pattern pattern;
    private final StringBuilder text = new StringBuilder();
    private final CountDownLatch matched = new CountDownLatch(1);
    private volatile URI uri;

    LineWatcher(Pattern pattern) {
      this.pattern = pattern;
    }

    @Override
    public synchronized void write(int b) {
      text.append((char) b);
      Matcher m = pattern.matcher(text);
      if (uri == null && m.find()) {
        uri = URI.create(m.group(1));
        matched.countDown();
      }
    }

    URI awaitMatch(Duration limit) throws InterruptedException {
      assertThat(matched.await(limit.toMillis(), TimeUnit.MILLISECONDS)).as("the schedule printed its address").isTrue();
      return uri;
    }
  }
}
