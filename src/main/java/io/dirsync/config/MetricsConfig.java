package io.dirsync.config;

import java.nio.file.Path;

/**
 * Where a one-shot run ({@code sync}, {@code apply}) leaves its metrics, for cron jobs that no
 * Prometheus scrapes while they run; {@code schedule} serves {@code /metrics} instead.
 *
 * @param pushgateway a Prometheus Pushgateway base URL (e.g. {@code http://pushgateway:9091}), or null
 * @param textfile a file for node-exporter's textfile collector (e.g. {@code /var/lib/node_exporter/dirsync.prom}), or null
 */
public record MetricsConfig(Secret pushgateway, Path textfile) {
  public static MetricsConfig none() {
    return new MetricsConfig(null, null);
  }
}
