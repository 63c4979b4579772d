package io.dirsync.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A container health check without curl: {@code java -cp dirsync.jar io.dirsync.ops.HealthProbe URL}
 * exits 0 when the URL answers 200, 1 otherwise (printing why to stderr). Uses only the JDK.
 */
public final class HealthProbe {
  private static final int TIMEOUT_MILLIS = 5_000;

  private HealthProbe() {}

  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  /** The exit code for {@code args} (default URL http://127.0.0.1:9464/health). */
  public static int run(String[] args, PrintStream err) {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:9464/health";
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(TIMEOUT_MILLIS);
      c.setReadTimeout(TIMEOUT_MILLIS);
      int status = c.getResponseCode();
      if (status == 200) return 0;
      InputStream body = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream();
      String text = body == null ? "" : new String(body.readNBytes(4096), StandardCharsets.UTF_8);
      err.println(url + " answered " + status + (text.isBlank() ? "" : ": " + text.strip()));
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println(url + ": " + e);
      return 1;
    }
  }
}
