package io.dirsync.config;

import java.util.Locale;
import java.util.Set;

/** Reads a {@code type: jdbc} source section. */
final class JdbcSection {
  private static final Set<String> KEYS = Set.of("type", "url", "user", "password", "query", "dnColumn", "fetchSize", "separator");

  private JdbcSection() {}

  static JdbcSourceConfig read(YamlNode node) {
    node.allowKeys(KEYS);
    String url = node.requiredString("url");
    if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      node.get("url").problem(node.path() + ".url must be a jdbc:postgresql: or jdbc:h2: URL, not '" + url + "'");
    }
    String query = node.requiredString("query");
    if (query != null && !query.isBlank() && !isSelect(query)) {
      node.get("query").problem(node.path() + ".query must be a SELECT (or WITH … SELECT); the source only reads");
    }
    int fetchSize = node.integer("fetchSize", 500);
    if (fetchSize < 1) node.get("fetchSize").problem(node.path() + ".fetchSize must be at least 1");
    return new JdbcSourceConfig(url, node.string("user", null), node.secret("password"), query,
        node.string("dnColumn", null), fetchSize, node.string("separator", null));
  }

  private static boolean isSelect(String query) {
    String q = query.strip().toLowerCase(Locale.ROOT);
    return q.startsWith("select") || q.startsWith("with") || q.startsWith("table ") || q.startsWith("values");
  }
}
