package io.dirsync.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Command output in JSON mode: each line written becomes one JSON object shaped like a log line
 * ({@code time, level, logger, message} plus the MDC's {@code job} and {@code runId}); a line that
 * already is a JSON object passes through unchanged. So with {@code DIRSYNC_LOG_FORMAT=json} every
 * line on stdout and stderr parses as JSON. Thread-safe.
 */
public final class JsonLineStream extends OutputStream {
  private final OutputStream target;
  private final String logger;
  private final String level;
  private final Clock clock;
  private final JsonFactory json = new JsonFactory();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  JsonLineStream(OutputStream target, String logger, String level, Clock clock) {
    this.target = target;
    this.logger = logger;
    this.level = level;
    this.clock = clock;
  }

  /** A UTF-8 print stream over {@code target} whose lines come out as JSON objects. */
  public static PrintStream printStream(OutputStream target, String logger, String level, Clock clock) {
    return new PrintStream(new JsonLineStream(target, logger, level, clock), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) write(b[i]);
  }

  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) emit();
    target.flush();
  }

  private void emit() throws IOException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
    String stripped = text.strip();
    String out = stripped.startsWith("{") && stripped.endsWith("}") ? stripped : object(text);
    target.write((out + "\n").getBytes(StandardCharsets.UTF_8));
    target.flush();
  }

  private String object(String message) throws IOException {
    StringWriter w = new StringWriter(128);
    try (JsonGenerator g = json.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("time", clock.instant().toString());
      g.writeStringField("level", level);
      g.writeStringField("logger", logger);
      g.writeStringField("message", Masking.mask(message));
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      if (mdc != null) {
        for (String key : new String[] {"job", "runId"}) {
          if (mdc.get(key) != null) g.writeStringField(key, mdc.get(key));
        }
      }
      g.writeEndObject();
    }
    return w.toString();
  }
}
