package io.dirsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code notifications:} and {@code metrics:} sections of {@code dirsync.yaml}. */
final class NotificationSection {
  private NotificationSection() {}

  static NotificationConfig read(YamlNode node) {
    if (node == null) return NotificationConfig.none();
    node.allowKeys(Set.of("on", "reportUrl", "webhooks"));
    Set<String> on = new LinkedHashSet<>();
    if (node.get("on") == null) {
      on.addAll(Set.of("failure", "partial_failure", "guard_stop"));
    } else {
      for (String event : node.strings("on")) {
        String e = event.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!NotificationConfig.EVENTS.contains(e)) {
          node.get("on").problem("notifications.on: '" + event + "' is not one of " + new java.util.TreeSet<>(NotificationConfig.EVENTS));
        }
        on.add(e);
      }
    }
    List<NotificationConfig.Webhook> hooks = new ArrayList<>();
    YamlNode list = node.get("webhooks");
    if (list != null) {
      if (!list.isList()) {
        list.problem("notifications.webhooks must be a list");
      } else {
        for (YamlNode hook : list.items()) hooks.add(webhook(hook));
      }
    }
    return new NotificationConfig(on, node.string("reportUrl", null), hooks);
  }

  private static NotificationConfig.Webhook webhook(YamlNode node) {
    node.entries();
    node.allowKeys(Set.of("url", "format", "headers", "maxAttempts", "timeout"));
    String url = node.requiredString("url");
    if (url != null && !url.startsWith("http://") && !url.startsWith("https://") && !url.contains("${")) {
      node.get("url").problem(node.path() + ".url must be an http:// or https:// URL");
    }
    String format = node.string("format", "json").trim().toLowerCase(Locale.ROOT);
    if (!format.equals("json") && !format.equals("slack")) node.get("format").problem(node.path() + ".format must be json or slack");
    Map<String, Secret> headers = new LinkedHashMap<>();
    YamlNode h = node.get("headers");
    if (h != null) h.entries().forEach((k, v) -> {
      String value = v.asText();
      if (value != null) headers.put(k, new Secret(value));
    });
    int attempts = node.integer("maxAttempts", 3);
    if (attempts < 1 || attempts > 10) node.get("maxAttempts").problem(node.path() + ".maxAttempts must be between 1 and 10");
    return new NotificationConfig.Webhook(url == null ? new Secret("") : new Secret(url), format, headers, attempts,
        node.duration("timeout", Duration.ofSeconds(10)));
  }

  static MetricsConfig metrics(YamlNode node, Path base) {
    if (node == null) return MetricsConfig.none();
    node.allowKeys(Set.of("pushgateway", "textfile"));
    String push = node.string("pushgateway", null);
    if (push != null && !push.startsWith("http://") && !push.startsWith("https://") && !push.contains("${")) {
      node.get("pushgateway").problem("metrics.pushgateway must be an http:// or https:// URL");
    }
    String textfile = node.string("textfile", null);
    if (textfile != null && !textfile.endsWith(".prom")) {
      node.get("textfile").problem("metrics.textfile must end in .prom (node-exporter's textfile collector reads only those)");
    }
    return new MetricsConfig(push == null ? null : new Secret(push), textfile == null ? null : base.resolve(textfile).normalize());
  }
}
