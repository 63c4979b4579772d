package io.dirsync.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dirsync.model.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** Writes a run report as JSON (counts, failures with reasons, timings, API calls; never a secret). */
public final class ReportWriter {
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Writes the report into {@code dir} under a name that sorts by time, with its HTML page next to
   * it (same name, {@code .html}), and returns the JSON file.
   */
  public Path writeInto(Path dir, RunReport report) {
    String name = FILE_TIME.format(report.startedAt()) + "-" + report.job() + "-" + report.runId();
    Path json = writeTo(dir.resolve(name + ".json"), report);
    write(dir.resolve(name + ".html"), new HtmlReport().render(report));
    return json;
  }

  /** The HTML page written next to a JSON report. */
  public static Path htmlOf(Path jsonReport) {
    String name = jsonReport.getFileName().toString();
    return jsonReport.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".html");
  }

  private static void write(Path file, String text) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  public Path writeTo(Path file, RunReport report) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      json.writeValue(tmp.toFile(), report);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Puts the report at {@code file}: a copy of {@code written} (the same report, already written)
   * when there is one, since a first sync's report can take seconds to write; else written anew.
   */
  public Path copyOrWrite(Path written, Path file, RunReport report) {
    if (written == null || !Files.isRegularFile(written)) return writeTo(file, report);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.copy(written, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  public String toJson(RunReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
