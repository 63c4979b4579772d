package io.dirsync.app;

import io.dirsync.config.MetricsConfig;
import io.dirsync.config.NotificationConfig;
import io.dirsync.config.Secret;
import io.dirsync.ops.MetricsExport;
import io.dirsync.ops.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;

/** The config's notification and metrics sections as the ops package takes them (ops does not read config). */
final class OpsSettings {
  private OpsSettings() {}

  static Notifier.Settings notifier(NotificationConfig config) {
    return new Notifier.Settings(config.on(), config.reportUrl(), config.webhooks().stream().map(h -> {
      Map<String, String> headers = new LinkedHashMap<>();
      h.headers().forEach((k, v) -> headers.put(k, v.value()));
      return new Notifier.Hook(h.url().value(), h.format(), headers, h.maxAttempts(), h.timeout());
    }).toList());
  }

  static MetricsExport metrics(MetricsConfig config) {
    Secret push = config.pushgateway();
    return new MetricsExport(push == null ? null : push.value(), config.textfile());
  }
}
