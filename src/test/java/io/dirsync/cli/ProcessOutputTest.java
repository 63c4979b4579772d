package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real dirsync process writes, from its first line: no logging-library chatter (logback
 * prints its own status lines when its configuration has so much as a warning), and in JSON mode
 * nothing but JSON objects on stdout and stderr.
 */
class ProcessOutputTest {
  @TempDir Path dir;

  private record Output(int code, String out, String err) {}

  private Output dirsync(String logFormat, String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    pb.environment().put("DIRSYNC_DATA", dir.resolve("data").toString());
    pb.environment().put("DIRSYNC_LOG_FORMAT", logFormat);
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("dirsync did not end within 300 s");
    }
    return new Output(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void aProcessPrintsNoLoggingLibraryStatusLinesInTextMode() throws Exception {
    Output validate = dirsync("text", "validate", "-c", "config/dirsync.yaml");

    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.out() + validate.err()).doesNotContain("|-INFO", "|-WARN", "logback");
  }

  @Test
  void inJsonModeEveryLineAProcessWritesIsAJsonObject() throws Exception {
    Output validate = dirsync("json", "validate", "-c", "config/dirsync.yaml");
    Output bad = dirsync("json", "validate", "-c", dir.resolve("missing.yaml").toString());

    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(bad.code()).isEqualTo(2);
    ObjectMapper json = new ObjectMapper();
    for (Output o : List.of(validate, bad)) {
      for (String line : (o.out() + o.err()).lines().toList()) {
        assertThat(json.readTree(line).isObject()).as(line).isTrue();
      }
    }
  }
}
