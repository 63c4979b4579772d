package io.dirsync.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is told about a run, and when.
 *
 * @param on the outcomes that send a notification: {@code failure} (exit 2 or 4), {@code partial_failure}
 *     (exit 1), {@code guard_stop} (exit 3), {@code success} (exit 0)
 * @param reportUrl a base URL the HTML report's file name is appended to (e.g. the status page's
 *     {@code http://dirsync:9464/reports/}); null: the notification gives the report's path
 * @param webhooks where to POST
 */
public record NotificationConfig(Set<String> on, String reportUrl, List<Webhook> webhooks) {
  public static final Set<String> EVENTS = Set.of("failure", "partial_failure", "guard_stop", "success");

  public NotificationConfig {
    on = Set.copyOf(on);
    webhooks = List.copyOf(webhooks);
  }

  public static NotificationConfig none() {
    return new NotificationConfig(Set.of(), null, List.of());
  }

  /**
   * One webhook.
   *
   * @param url where to POST (it may hold a token, as Slack's do: treated as a secret)
   * @param format {@code json} (dirsync's own payload) or {@code slack} (a Slack-compatible {@code text} message)
   * @param headers extra request headers (e.g. Authorization), values are secrets
   * @param maxAttempts tries in all; 429, 5xx and I/O errors are retried
   * @param timeout per attempt
   */
  public record Webhook(Secret url, String format, Map<String, Secret> headers, int maxAttempts, Duration timeout) {
    public Webhook {
      headers = Map.copyOf(headers);
    }
  }
}
