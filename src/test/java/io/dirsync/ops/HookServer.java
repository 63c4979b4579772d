package io.dirsync.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver / Pushgateway stand-in on 127.0.0.1: records requests, answers scripted status codes (then 200). */
public final class HookServer implements AutoCloseable {
  public record Request(String method, String path, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();

  public HookServer(int... scripted) throws IOException {
    for (int s : scripted) statuses.add(s);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            Map.copyOf(exchange.getRequestHeaders()), body));
        int status;
        synchronized (statuses) {
          status = statuses.isEmpty() ? 200 : statuses.poll();
        }
        exchange.sendResponseHeaders(status, -1);
      }
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
