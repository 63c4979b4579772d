package io.dirsync.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dirsync.model.RunSummary;
import io.dirsync.state.StateStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of {@code dirsync schedule}, on the configured address (loopback by default):
 *
 * <ul>
 *   <li>{@code GET /health}: 200 while every job is healthy ({@link HealthPolicy}), else 503 with the
 *       reasons; JSON with each job's status either way
 *   <li>{@code GET /health/live}: 200 while the process answers (for a Kubernetes liveness probe,
 *       which must not restart the pod because a run failed)
 *   <li>{@code GET /metrics}: Prometheus text format
 *   <li>{@code GET /runs?limit=N}: recent runs, newest first, as JSON
 *   <li>{@code GET /}: the status page ({@link StatusPage}); {@code GET /reports/NAME.html}: a run's report
 * </ul>
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
  private static final int HISTORY_FOR_HEALTH = 500;
  private static final int DEFAULT_RUNS = 20;
  private static final int MAX_RUNS = 500;

  private final String address;
  private final int port;
  private final StateStore store;
  private final HealthPolicy health;
  private final PrometheusMeterRegistry registry;
  private final StatusPage statusPage;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private HttpServer server;
  private ExecutorService executor;

  /**
   * @param address the interface to bind, e.g. 127.0.0.1 (only local probes) or 0.0.0.0 (a container)
   * @param port the port; 0 picks a free one (see {@link #port()})
   */
  public OpsServer(String address, int port, StateStore store, HealthPolicy health, PrometheusMeterRegistry registry) {
    this(address, port, store, health, registry, new StatusPage(List::of, null));
  }

  /** {@code statusPage}: the page served at {@code /} (its reports are served under {@code /reports/}). */
  public OpsServer(String address, int port, StateStore store, HealthPolicy health, PrometheusMeterRegistry registry,
      StatusPage statusPage) {
    this.statusPage = statusPage;
    this.address = address;
    this.port = port;
    this.store = store;
    this.health = health;
    this.registry = registry;
  }

  /** Binds and starts serving; returns at once. */
  public synchronized void start() {
    if (server != null) throw new IllegalStateException("already started");
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
    }
    executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "dirsync-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    log.info("serving the status page, /health, /metrics and /runs on {}", baseUri());
  }

  /** The port actually bound. */
  public synchronized int port() {
    if (server == null) throw new IllegalStateException("not started");
    return server.getAddress().getPort();
  }

  public URI baseUri() {
    String host = address.contains(":") ? "[" + address + "]" : address;
    return URI.create("http://" + host + ":" + port() + "/");
  }

  @Override
  public synchronized void close() {
    if (server == null) return;
    server.stop(0);
    executor.shutdownNow();
    server = null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/health" -> health(exchange);
        case "/health/live" -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}\n");
        case "/metrics" -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        case "/runs" -> runs(exchange);
        case "/" -> status(exchange);
        default -> {
          if (path.startsWith("/reports/")) report(exchange, path.substring("/reports/".length()));
          else send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
        }
      }
    } catch (RuntimeException e) {
      log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString(), e);
      send(exchange, 500, "text/plain; charset=utf-8", "internal error: " + e.getMessage() + "\n");
    }
  }

  private void status(HttpExchange exchange) throws IOException {
    List<RunSummary> runs = store.recentRuns(HISTORY_FOR_HEALTH);
    String page = statusPage.render(health.evaluate(runs), runs.stream().limit(DEFAULT_RUNS).toList());
    send(exchange, 200, "text/html; charset=utf-8", page);
  }

  private void report(HttpExchange exchange, String name) throws IOException {
    java.nio.file.Path file = statusPage.report(name);
    if (file == null) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such report: " + name + "\n");
      return;
    }
    send(exchange, 200, name.endsWith(".html") ? "text/html; charset=utf-8" : "application/json",
        java.nio.file.Files.readString(file, StandardCharsets.UTF_8));
  }

  private void health(HttpExchange exchange) throws IOException {
    List<RunSummary> runs;
    try {
      runs = store.recentRuns(HISTORY_FOR_HEALTH);
    } catch (RuntimeException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", "DOWN");
      body.put("reasons", List.of("state store unavailable: " + e.getMessage()));
      sendJson(exchange, 503, body);
      return;
    }
    Health h = health.evaluate(runs);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", h.healthy() ? "UP" : "DOWN");
    body.put("checkedAt", h.checkedAt());
    body.put("reasons", h.reasons());
    body.put("jobs", h.jobs());
    sendJson(exchange, h.healthy() ? 200 : 503, body);
  }

  private void runs(HttpExchange exchange) throws IOException {
    int limit;
    try {
      limit = Math.min(MAX_RUNS, Math.max(1, Integer.parseInt(query(exchange.getRequestURI(), "limit", Integer.toString(DEFAULT_RUNS)))));
    } catch (NumberFormatException e) {
      send(exchange, 400, "text/plain; charset=utf-8", "limit must be a number\n");
      return;
    }
    sendJson(exchange, 200, store.recentRuns(limit).stream().map(RunJson::of).toList());
  }

  private static String query(URI uri, String name, String fallback) {
    String q = uri.getRawQuery();
    if (q == null) return fallback;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) return pair.substring(eq + 1);
    }
    return fallback;
  }

  private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json", json.writeValueAsString(body) + "\n");
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** A run as /runs shows it: the summary plus the exit code its outcome means. */
  record RunJson(String runId, String job, boolean dryRun, java.time.Instant startedAt, java.time.Instant finishedAt,
      String outcome, Integer exitCode, int changes, int failures, long apiCalls, String message) {
    static RunJson of(RunSummary r) {
      return new RunJson(r.runId(), r.job(), r.dryRun(), r.startedAt(), r.finishedAt(),
          r.outcome() == null ? "RUNNING" : r.outcome().name(), r.outcome() == null ? null : r.outcome().exitCode(),
          r.changes(), r.failures(), r.apiCalls(), r.message());
    }
  }
}
