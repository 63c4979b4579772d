package io.dirsync.ops;

import io.dirsync.model.RunReport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one run of a one-shot command ({@code sync} / {@code apply} from cron or a
 * Kubernetes CronJob), where nothing scrapes {@code /metrics}: pushed to a Prometheus Pushgateway
 * (grouped by job {@code dirsync} and {@code sync_job}) and/or written to a node-exporter textfile.
 * The same series {@link RunMetrics} serves in schedule mode. Never fails the run.
 */
public final class MetricsExport {
  private static final Logger log = LoggerFactory.getLogger(MetricsExport.class);

  private final String pushgateway;
  private final Path textfile;
  private final Delivery delivery;

  /** Either may be null. */
  public MetricsExport(String pushgateway, Path textfile) {
    this(pushgateway, textfile, Delivery.standard());
  }

  MetricsExport(String pushgateway, Path textfile, Delivery delivery) {
    this.pushgateway = pushgateway;
    this.textfile = textfile;
    this.delivery = delivery;
  }

  public boolean enabled() {
    return pushgateway != null || textfile != null;
  }

  /** The run's metrics in Prometheus text format. */
  static String exposition(RunReport report) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new RunMetrics(registry).record(report);
    return registry.scrape();
  }

  public void export(RunReport report) {
    if (!enabled()) return;
    String text = exposition(report);
    if (textfile != null) writeTextfile(text);
    if (pushgateway != null) {
      String base = pushgateway.endsWith("/") ? pushgateway.substring(0, pushgateway.length() - 1) : pushgateway;
      String url = base + "/metrics/job/dirsync/sync_job/" + URLEncoder.encode(report.job(), StandardCharsets.UTF_8).replace("+", "%20");
      // PUT replaces the group's metrics: the gateway holds exactly the last run's.
      delivery.send("metrics push", "PUT", url, "text/plain; version=0.0.4; charset=utf-8", text, Map.of(), 3, Duration.ofSeconds(10));
    }
  }

  private void writeTextfile(String text) {
    try {
      Path parent = textfile.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      // Written aside and moved, so the collector never reads half a file.
      Path tmp = textfile.resolveSibling(textfile.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, textfile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      log.info("metrics written to {}", textfile);
    } catch (IOException e) {
      log.warn("metrics not written to {}: {}", textfile, e.getMessage());
    }
  }
}
