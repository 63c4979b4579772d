package io.dirsync.app;

import java.nio.file.Path;

/** Options of `dirsync sandbox`. */
public record SandboxSettings(String host, int port, Path dataDir, String userPoolId, String secret,
    double rateLimitRps, double failRate, long latencyMillis, long seed, double throttleRate) {

  /** Without throttling. */
  public SandboxSettings(String host, int port, Path dataDir, String userPoolId, String secret,
      double rateLimitRps, double failRate, long latencyMillis, long seed) {
    this(host, port, dataDir, userPoolId, secret, rateLimitRps, failRate, latencyMillis, seed, 0);
  }
}
