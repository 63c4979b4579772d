package io.dirsync.ops;

/** Small helpers for the self-contained pages (report, status page): escaping and the shared style. */
final class Html {
  private Html() {}

  static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:24px;color:#1f2328;background:#fff}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
      .meta{color:#57606a;margin-bottom:16px}.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff}
      .ok{background:#1a7f37}.warn{background:#9a6700}.bad{background:#cf222e}.info{background:#0969da}
      table{border-collapse:collapse;margin:4px 0 8px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
      .cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:110px}
      .card .v{font-size:22px;font-weight:600}.card .l{color:#57606a}
      .before{color:#cf222e;text-decoration:line-through}.after{color:#1a7f37}.muted{color:#57606a}
      .bar{background:#0969da;height:10px;display:inline-block;vertical-align:middle}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
      """;

  static String escape(Object value) {
    if (value == null) return "";
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>" + STYLE
        + "</style></head><body>\n" + body + "</body></html>\n";
  }

  /** The badge class for an outcome name or health status. */
  static String tone(String outcome) {
    if (outcome == null) return "info";
    return switch (outcome) {
      case "SUCCESS", "OK", "UP" -> "ok";
      case "PARTIAL_FAILURE", "WAITING", "STOPPED_BY_GUARD" -> "warn";
      case "RUNNING", "PLANNED" -> "info";
      default -> "bad";
    };
  }
}
