package io.dirsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The bench's sandbox in a JVM of its own, so the bench JVM's heap is dirsync's alone. The child
 * binds 127.0.0.1 on a free port, prints it, and stops (closing its store) when its standard input
 * ends — also when the bench dies. Call counts come from {@code GET /sandbox/stats}.
 */
final class SandboxProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final URI baseUri;
  private final HttpClient http = HttpClient.newHttpClient();

  private SandboxProcess(Process process, URI baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /** The child: {@code dataDir rateLimitRps}. */
  public static void main(String[] args) throws IOException {
    SandboxOptions options = SandboxOptions.defaults().withDataDir(Path.of(args[0])).withRateLimitRps(Double.parseDouble(args[1]));
    try (SandboxServer server = SandboxServer.start(options)) {
      System.out.println("port " + server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our standard input
      }
    }
  }

  static SandboxProcess start(Path dataDir, double rateLimit, String heap) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx" + heap));
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) command.add("-Dlogback.configurationFile=" + logback);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SandboxProcess.class.getName(),
        dataDir.toString(), Double.toString(rateLimit)));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      p.destroy();
      throw new IOException("the sandbox process did not start: " + line);
    }
    return new SandboxProcess(p, URI.create("http://127.0.0.1:" + line.substring(5).trim()));
  }

  URI baseUri() {
    return baseUri;
  }

  long pid() {
    return process.pid();
  }

  /** Calls answered since the last reset, by operation. */
  Map<String, Long> calls() {
    JsonNode calls = call("GET", "/sandbox/stats").path("calls");
    Map<String, Long> out = new TreeMap<>();
    calls.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  void resetStats() {
    call("POST", "/sandbox/stats/reset");
  }

  private JsonNode call(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Ends the child's standard input and waits for it to close its store. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
