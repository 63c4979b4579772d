package io.dirsync.source.jdbc;

import java.util.regex.Pattern;

/** Keeps passwords written into a JDBC URL out of messages. */
final class JdbcUrls {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private JdbcUrls() {}

  static String withoutSecrets(String text) {
    return PASSWORD.matcher(text).replaceAll("$1***");
  }
}
