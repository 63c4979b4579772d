package io.dirsync.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line, for log collectors:
 * {@code {"time":"…","level":"INFO","logger":"…","thread":"…","message":"…","job":"nightly","error":"…"}}.
 * MDC entries and SLF4J key-value pairs become top-level fields. Message, values and stack traces
 * are masked ({@link Masking}).
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "error");
  private final JsonFactory json = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", Masking.mask(event.getFormattedMessage()));
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> e : mdc.entrySet()) field(g, e.getKey(), e.getValue());
      }
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair kv : event.getKeyValuePairs()) field(g, kv.key, kv.value == null ? null : String.valueOf(kv.value));
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) g.writeStringField("error", Masking.mask(ThrowableProxyUtil.asString(error)));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append(CoreConstants.LINE_SEPARATOR).toString();
  }

  private static void field(JsonGenerator g, String key, String value) throws IOException {
    if (key == null || RESERVED.contains(key)) return;
    // A key that itself names a secret (password, token…) is masked by value.
    g.writeStringField(key, Masking.mask(key + "=" + value).substring(key.length() + 1));
  }

  @Override
  public String getContentType() {
    return "application/json";
  }
}
