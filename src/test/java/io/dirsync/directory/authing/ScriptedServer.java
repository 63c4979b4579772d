package io.dirsync.directory.authing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny HTTP server on 127.0.0.1 answering from a script, for what the sandbox cannot be made to
 * do (a token refused for ever, an HTTP-date Retry-After, a body that is not JSON). Records requests.
 */
final class ScriptedServer implements AutoCloseable {
  /** A request as received. */
  record Seen(String method, String path, Headers headers, String body) {
    boolean isTokenQuery() {
      return body.contains("accessToken(userPoolId");
    }
  }

  /** An answer to send. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(String body) {
      return new Answer(200, Map.of(), body);
    }
  }

  private final HttpServer server;
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  ScriptedServer(Function<Seen, Answer> script) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), exchange.getRequestHeaders(), body);
      seen.add(request);
      Answer answer = script.apply(request);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A JWT-shaped token whose payload says it expires at {@code exp} (epoch seconds). */
  static String jwt(long exp) {
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"admin\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2ln";
  }

  static Answer token(long exp) {
    return Answer.json("{\"data\":{\"accessToken\":{\"accessToken\":\"" + jwt(exp) + "\",\"exp\":" + exp + ",\"iat\":0}}}");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
