package io.dirsync.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Chooses the log format at start (call {@link #configure()} first thing in {@code main}): readable
 * lines on a terminal, JSON lines ({@code logback-json.xml}) when {@code DIRSYNC_LOG_FORMAT=json} or
 * when stdout is not a terminal (a container, cron, CI). {@code DIRSYNC_LOG_FORMAT=text} forces the
 * readable format; {@code DIRSYNC_LOG_LEVEL} (e.g. debug) sets dirsync's own level. Logs always go
 * to stderr: stdout is for command output.
 */
public final class LoggingSetup {

  public enum Format {
    TEXT,
    JSON
  }

  private LoggingSetup() {}

  /** Applies the format and level the environment asks for, and returns the format. */
  public static Format configure() {
    Map<String, String> env = System.getenv();
    Format format = choose(env, System.console() != null);
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) apply(context, format, env.get("DIRSYNC_LOG_LEVEL"));
    return format;
  }

  /** Whether {@code DIRSYNC_LOG_FORMAT=json} asks for JSON everywhere, command output included. */
  public static boolean jsonAsked(Map<String, String> env) {
    return env.getOrDefault("DIRSYNC_LOG_FORMAT", "").trim().equalsIgnoreCase("json");
  }

  /** JSON when asked for, or when not on a terminal and text was not asked for. */
  static Format choose(Map<String, String> env, boolean terminal) {
    String asked = env.getOrDefault("DIRSYNC_LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
    if (asked.equals("json")) return Format.JSON;
    if (asked.equals("text")) return Format.TEXT;
    return terminal ? Format.TEXT : Format.JSON;
  }

  /** Reconfigures {@code context} for the format (JSON replaces logback.xml's appender) and level. */
  static void apply(LoggerContext context, Format format, String level) {
    if (format == Format.JSON) {
      URL config = LoggingSetup.class.getResource("/logback-json.xml");
      if (config == null) throw new IllegalStateException("logback-json.xml is missing from the classpath");
      context.reset();
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      try {
        configurator.doConfigure(config);
      } catch (JoranException e) {
        throw new IllegalStateException("cannot configure JSON logging: " + e.getMessage(), e);
      }
    }
    if (level != null && !level.isBlank()) {
      context.getLogger("io.dirsync").setLevel(Level.toLevel(level.trim(), Level.INFO));
    }
  }
}
