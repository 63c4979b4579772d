package io.dirsync.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}}, {@code ${env:NAME:-default}} and {@code ${file:PATH}} references
 * inside string values.
 */
final class References {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}:]+)(?::-([^}]*))?}");

  private final Map<String, String> env;
  private final Path baseDir;
  private final boolean leaveMissing;

  References(Map<String, String> env, Path baseDir) {
    this(env, baseDir, false);
  }

  /** {@code leaveMissing}: a reference that cannot be resolved here stays as written (validating without secrets). */
  References(Map<String, String> env, Path baseDir, boolean leaveMissing) {
    this.env = Map.copyOf(env);
    this.baseDir = baseDir;
    this.leaveMissing = leaveMissing;
  }

  /** The text with references replaced; throws IllegalArgumentException naming what is missing. */
  String resolve(String text) {
    if (text == null || !text.contains("${")) return text;
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value;
      try {
        value = "env".equals(m.group(1)) ? fromEnv(m.group(2), m.group(3)) : fromFile(m.group(2));
      } catch (IllegalArgumentException e) {
        if (!leaveMissing) throw e;
        value = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String fromEnv(String name, String defaultValue) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) value = defaultValue;
    if (value == null) throw new IllegalArgumentException("environment variable " + name + " is not set");
    return value;
  }

  private String fromFile(String pathText) {
    Path path = baseDir.resolve(pathText);
    try {
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read secret file " + path + ": " + e.getClass().getSimpleName());
    }
  }
}
