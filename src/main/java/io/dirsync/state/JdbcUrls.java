package io.dirsync.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a password out of a JDBC URL (so no driver, pool or migration log can ever quote it) and
 * adds the H2 settings the store relies on when the URL does not set them.
 */
final class JdbcUrls {
  /** A URL without its password, and the password it carried (null if none). */
  record Split(String url, String password) {}

  private JdbcUrls() {}

  static Split withoutPassword(String url, Dialect dialect) {
    return dialect == Dialect.H2 ? splitH2(url) : splitQuery(url);
  }

  /** {@code jdbc:h2:file:./data/state;KEY=VALUE;…}. */
  private static Split splitH2(String url) {
    String[] parts = url.split(";", -1);
    StringBuilder kept = new StringBuilder(parts[0]);
    String password = null;
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty()) continue;
      if (isPassword(parts[i])) {
        password = valueOf(parts[i]);
      } else {
        kept.append(';').append(parts[i]);
      }
    }
    return new Split(kept.toString(), password);
  }

  /** {@code jdbc:postgresql://host:port/db?key=value&…}. */
  private static Split splitQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) return new Split(url, null);
    List<String> kept = new ArrayList<>();
    String password = null;
    for (String param : url.substring(q + 1).split("&")) {
      if (param.isEmpty()) continue;
      if (isPassword(param)) {
        password = valueOf(param);
      } else {
        kept.add(param);
      }
    }
    String base = url.substring(0, q);
    return new Split(kept.isEmpty() ? base : base + "?" + String.join("&", kept), password);
  }

  private static boolean isPassword(String setting) {
    int eq = setting.indexOf('=');
    return eq > 0 && setting.substring(0, eq).trim().equalsIgnoreCase("password");
  }

  private static String valueOf(String setting) {
    return setting.substring(setting.indexOf('=') + 1);
  }

  /**
   * H2 defaults, each only when the URL does not set it: an in-memory database lives until the JVM
   * ends (otherwise it vanishes when the pool drops its last connection); WRITE_DELAY=0 writes each
   * commit to the file at once, where H2's default (500 ms) could lose the last half-second of
   * commits to a killed process; DB_CLOSE_ON_EXIT=FALSE lets a stopping run record itself first.
   */
  static String withH2Defaults(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(url);
    if (upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";DB_CLOSE_DELAY=")) {
      out.append(";DB_CLOSE_DELAY=-1");
    }
    if (!upper.contains(";WRITE_DELAY=")) out.append(";WRITE_DELAY=0");
    // H2's own shutdown hook would close the database under a run that SIGTERM is stopping: dirsync closes it.
    if (!upper.contains(";DB_CLOSE_ON_EXIT=")) out.append(";DB_CLOSE_ON_EXIT=FALSE");
    return out.toString();
  }
}
