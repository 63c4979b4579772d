package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** List requests (RFC 7644 §3.4.2.4): startIndex/count pages of at most the server's maxResults. */
final class Paging {
  static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGES = 1_000_000;

  private Paging() {}

  static List<JsonNode> all(ScimClient client, int maxResults, String path, Map<String, String> query) {
    int count = Math.min(DEFAULT_PAGE, maxResults);
    List<JsonNode> out = new ArrayList<>();
    long start = 1;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, String> q = new LinkedHashMap<>(query);
      q.put("startIndex", Long.toString(start));
      q.put("count", Integer.toString(count));
      JsonNode answer = client.get(path, q).body();
      JsonNode resources = answer == null ? null : answer.get("Resources");
      if (resources == null || resources.isEmpty()) break;
      resources.forEach(out::add);
      start += resources.size();
      if (start > answer.path("totalResults").asLong(0)) break;
    }
    return out;
  }

  /** A SCIM filter string literal (RFC 7644 §3.4.2.2: JSON string rules). */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
