package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void secretsAreBlankedInKeyValueJsonHeaderAndUrlForms() {
    assertThat(Masking.mask("bind as cn=sync with password=hunter2, retrying"))
        .isEqualTo("bind as cn=sync with password=****, retrying");
    assertThat(Masking.mask("bindPassword: s3cr3t userPoolSecret = abc123"))
        .isEqualTo("bindPassword: **** userPoolSecret = ****");
    assertThat(Masking.mask("{\"secret\":\"a b c\",\"accessToken\": \"eyJ.x.y\",\"user\":\"bob\"}"))
        .isEqualTo("{\"secret\":\"****\",\"accessToken\": \"****\",\"user\":\"bob\"}");
    assertThat(Masking.mask("GET /api?token=abc&page=2")).isEqualTo("GET /api?token=****&page=2");
    assertThat(Masking.mask("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"))
        .isEqualTo("Authorization: Bearer ****");
    assertThat(Masking.mask("Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: Basic ****");
    assertThat(Masking.mask("jdbc:postgresql://dirsync:pa55@db:5432/dirsync")).isEqualTo("jdbc:postgresql://dirsync:****@db:5432/dirsync");
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    String text = "created 7 users, 3 tokens refreshed, 0 failures; see https://core.authing.cn/api/v2/users";
    assertThat(Masking.mask(text)).isEqualTo(text);
    assertThat(Masking.mask(null)).isNull();
  }

  @Test
  void theTextFormatMasksMessagesAndStackTraces() {
    LoggerContext context = configured("/logback.xml");
    ILoggingEvent event = event(context, "connecting with password=hunter2",
        new IllegalStateException("auth failed for secret=topsecret"));

    String line = encode(context, event);

    assertThat(line).contains("INFO").contains("LoggingTest - connecting with password=****")
        .contains("IllegalStateException: auth failed for secret=****")
        .doesNotContain("hunter2").doesNotContain("topsecret");
  }

  @Test
  void theJsonFormatWritesOneMaskedObjectPerLine() throws Exception {
    LoggerContext context = configured("/logback-json.xml");
    LoggingEvent event = event(context, "job nightly: token=abc123 rejected", new RuntimeException("Bearer xyz.abc"));
    event.setMDCPropertyMap(Map.of("job", "nightly"));

    String line = encode(context, event);

    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode node = json.readTree(line);
    assertThat(node.get("level").asText()).isEqualTo("INFO");
    assertThat(node.get("logger").asText()).isEqualTo(LoggingTest.class.getName());
    assertThat(node.get("message").asText()).isEqualTo("job nightly: token=**** rejected");
    assertThat(node.get("job").asText()).isEqualTo("nightly");
    assertThat(node.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(node.get("error").asText()).contains("RuntimeException: Bearer ****").doesNotContain("xyz.abc");
  }

  @Test
  void jsonIsChosenWhenAskedForOrWhenStdoutIsNotATerminal() {
    assertThat(LoggingSetup.choose(Map.of(), true)).isEqualTo(LoggingSetup.Format.TEXT);
    assertThat(LoggingSetup.choose(Map.of(), false)).isEqualTo(LoggingSetup.Format.JSON);
    assertThat(LoggingSetup.choose(Map.of("DIRSYNC_LOG_FORMAT", "json"), true)).isEqualTo(LoggingSetup.Format.JSON);
    assertThat(LoggingSetup.choose(Map.of("DIRSYNC_LOG_FORMAT", "TEXT"), false)).isEqualTo(LoggingSetup.Format.TEXT);
  }

  @Test
  @SuppressWarnings("unchecked")
  void applyingJsonSwapsTheAppenderAndSetsTheLevel() {
    LoggerContext context = configured("/logback.xml");

    LoggingSetup.apply(context, LoggingSetup.Format.JSON, "debug");

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(appender.getEncoder()).isInstanceOf(ch.qos.logback.core.encoder.LayoutWrappingEncoder.class);
    assertThat(((ch.qos.logback.core.encoder.LayoutWrappingEncoder<ILoggingEvent>) appender.getEncoder()).getLayout())
        .isInstanceOf(JsonLineLayout.class);
    assertThat(context.getLogger("io.dirsync").getLevel()).isEqualTo(Level.DEBUG);
  }

  private static LoggerContext configured(String resource) {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(LoggingTest.class.getResource(resource));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return context;
  }

  private static LoggingEvent event(LoggerContext context, String message, Throwable error) {
    Logger logger = context.getLogger(LoggingTest.class);
    return new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, error, null);
  }

  @SuppressWarnings("unchecked")
  private static String encode(LoggerContext context, ILoggingEvent event) {
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    Encoder<ILoggingEvent> encoder = appender.getEncoder();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }
}
