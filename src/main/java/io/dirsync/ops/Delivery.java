package io.dirsync.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request to a webhook or Pushgateway, retrying 429, 5xx and I/O errors with a
 * doubling pause; never throws: a notification or a metrics push must not fail the run. Logs name
 * the host only, since webhook URLs often hold a token.
 */
final class Delivery {
  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  /** How to wait between attempts (tests pass one that returns at once). */
  @FunctionalInterface
  interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  private final HttpClient http;
  private final Duration firstPause;
  private final Pause pause;

  Delivery(Duration firstPause, Pause pause) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    this.firstPause = firstPause;
    this.pause = pause;
  }

  static Delivery standard() {
    return new Delivery(Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
  }

  /** Sends; returns whether a 2xx answer came within {@code maxAttempts}. */
  boolean send(String what, String method, String url, String contentType, String body, Map<String, String> headers,
      int maxAttempts, Duration timeout) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      log.warn("{}: not sent, the URL is not valid", what);
      return false;
    }
    String where = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    Duration wait = firstPause;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      String problem;
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
            .header("User-Agent", "dirsync").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status / 100 == 2) {
          log.info("{}: sent to {} (HTTP {}, attempt {})", what, where, status, attempt);
          return true;
        }
        problem = "HTTP " + status;
        if (status != 429 && status / 100 != 5) {
          log.warn("{}: {} refused it with {}; not retried", what, where, problem);
          return false;
        }
      } catch (IOException | IllegalArgumentException e) {
        problem = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.warn("{}: interrupted before {} answered", what, where);
        return false;
      }
      if (attempt < maxAttempts) {
        log.info("{}: {} answered {}; trying again in {} ms", what, where, problem, wait.toMillis());
        try {
          pause.pause(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        wait = wait.multipliedBy(2);
      } else {
        log.warn("{}: not delivered to {} after {} attempt(s): {}", what, where, maxAttempts, problem);
      }
    }
    return false;
  }
}
