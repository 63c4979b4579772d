package io.dirsync.sync;

import io.dirsync.source.DeltaSource.Position;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A job's delta sync watermark, saved (one state-store watermark, {@value #NAME}) only after a run
 * applied everything: the source position and its server, a fingerprint of the source config and
 * mapping, digests of the OU tree and of the groups and departments applied, and when the last full
 * run started.
 */
record DeltaMark(Position position, String fingerprint, String ous, String containers, Instant fullAt) {
  static final String NAME = "delta";
  /** Saved in place of a mark when a saved plan was applied: the next run must be full. */
  static final String INVALIDATED = "invalidated: a saved plan was applied";

  String encode() {
    return "server=" + enc(position.server()) + "&mark=" + enc(position.mark()) + "&fingerprint=" + enc(fingerprint)
        + "&ous=" + enc(ous) + "&containers=" + enc(containers) + "&fullAt=" + enc(fullAt.toString());
  }

  /** Empty when {@code text} is not a mark this version wrote. */
  static Optional<DeltaMark> parse(String text) {
    Map<String, String> values = new HashMap<>();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    try {
      return Optional.of(new DeltaMark(new Position(values.get("server"), values.get("mark")), values.get("fingerprint"),
          values.get("ous"), values.get("containers"), Instant.parse(values.get("fullAt"))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
