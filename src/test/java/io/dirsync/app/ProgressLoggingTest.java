package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.config.ConfigLoader;
import io.dirsync.config.DirsyncConfig;
import io.dirsync.config.JobConfig;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.RunReport;
import io.dirsync.ops.JsonLineLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Progress off a terminal is logged (so it is JSON in JSON mode), and every line of a run names the run. */
class ProgressLoggingTest {
  @TempDir Path data;

  /** A clock that moves 10 s each time it is read, so the printer's 5 s interval always passes. */
  private static final class Ticking extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override public synchronized Instant instant() { return now = now.plus(Duration.ofSeconds(10)); }
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
  }

  @Test
  void progressLinesFromEveryThreadOfARunCarryItsJobAndRunIdAndNothingGoesToTheStream() throws Exception {
    Map<String, String> env = Map.of("DIRSYNC_DATA", data.toString());
    DirsyncConfig config = new ConfigLoader(env).load(Path.of("config/dirsync.yaml"));
    JobConfig job = config.jobs().get(0);
    Logger progressLog = (Logger) LoggerFactory.getLogger("io.dirsync.progress");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    progressLog.addAppender(events);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    RunReport report;
    try (JobParts parts = JobParts.open(config, job, MappingLoader.load(job.mapping(), env), Clock.systemUTC(), () -> false)) {
      report = parts.syncRun().run(false, false, new ProgressPrinter(new PrintStream(stream, true, StandardCharsets.UTF_8), new Ticking(), false));
    } finally {
      progressLog.detachAppender(events);
    }

    List<ILoggingEvent> lines = events.list;
    assertThat(stream.size()).isZero();
    assertThat(lines).isNotEmpty();
    assertThat(lines).allSatisfy(e -> {
      assertThat(e.getMDCPropertyMap()).containsEntry("runId", report.runId()).containsEntry("job", "demo");
      assertThat(e.getFormattedMessage()).startsWith("progress ");
    });
    Set<String> stages = lines.stream().map(ILoggingEvent::getFormattedMessage).map(m -> m.split(":")[0]).collect(Collectors.toSet());
    assertThat(stages).contains("progress apply", "progress lookup");
    // The apply and look-up pools log from their own threads: the run id travels with them.
    assertThat(lines.stream().map(ILoggingEvent::getThreadName).distinct().count()).isGreaterThan(1);
    JsonNode json = new ObjectMapper().readTree(new JsonLineLayout().doLayout(lines.get(lines.size() - 1)));
    assertThat(json.get("runId").asText()).isEqualTo(report.runId());
    assertThat(json.get("logger").asText()).isEqualTo("io.dirsync.progress");
    assertThat(json.get("stage").asText()).isEqualTo("apply");
  }
}
