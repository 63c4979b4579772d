package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who left the source is no longer in it and is not looked up, yet the plan and the reports
 * that block it name it: username, email and the DN it had, as the state store remembers them.
 */
class RemovedUserNamesTest {
  private static final String DN = "uid=guo.lei,ou=平台部,ou=研发中心,ou=Departments,dc=corp,dc=example";

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result demo(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-c", dir.resolve("config/dirsync.yaml").toString()));
    int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DIRSYNC_DATA", dir.resolve("data").toString()), Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void copyDemo() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String file : new String[] {"config/dirsync.yaml", "config/demo/corp.ldif", "mappings/demo.yaml"}) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(root.resolve(file), target);
    }
  }

  /** Takes guo.lei's entry and group memberships out of the demo LDIF. */
  private void guoLeiLeaves() throws IOException {
    Path ldif = dir.resolve("config/demo/corp.ldif");
    String text = Files.readString(ldif);
    int start = text.indexOf("dn: " + DN + "\n");
    int end = text.indexOf("\n\n", start) + 2;
    assertThat(start).isNotNegative();
    Files.writeString(ldif, (text.substring(0, start) + text.substring(end)).replace("member: " + DN + "\n", ""));
  }

  @Test
  void aBlockedUserIsNamedInTheTablePlanTheJsonPlanAndBothReports() throws IOException {
    copyDemo();
    assertThat(demo("sync").code()).isZero();
    guoLeiLeaves();

    Result table = demo("plan");
    Path planFile = dir.resolve("plan.json");
    Result saved = demo("plan", "--format", "json", "--out", planFile.toString());
    Result sync = demo("sync");

    assertThat(table.code()).as(table.err()).isZero();
    String blockRow = table.out().lines().filter(l -> l.contains("E10003")).findFirst().orElseThrow();
    assertThat(blockRow).contains("guo.lei", "guo.lei@corp.example", DN).doesNotContain(" - ");
    assertThat(saved.code()).as(saved.err()).isZero();
    JsonNode block = operation(new ObjectMapper().readTree(planFile.toFile()), "BLOCK_USER");
    assertThat(block.get("username").asText()).isEqualTo("guo.lei");
    assertThat(block.get("email").asText()).isEqualTo("guo.lei@corp.example");
    assertThat(block.get("dn").asText()).isEqualTo(DN);

    assertThat(sync.code()).as(sync.err()).isZero();
    Path reports = dir.resolve("data/reports");
    Path json;
    try (var files = Files.list(reports)) {
      json = files.filter(p -> p.toString().endsWith(".json")).max(this::byModified).orElseThrow();
    }
    JsonNode row = StreamSupport.stream(new ObjectMapper().readTree(json.toFile()).get("changes").spliterator(), false)
        .filter(c -> c.get("kind").asText().equals("BLOCK_USER")).findFirst().orElseThrow();
    assertThat(row.get("user").get("username").asText()).isEqualTo("guo.lei");
    assertThat(row.get("user").get("dn").asText()).isEqualTo(DN);
    String html = Files.readString(json.resolveSibling(json.getFileName().toString().replace(".json", ".html")));
    assertThat(html).contains("guo.lei@corp.example", DN);
  }

  private int byModified(Path a, Path b) {
    try {
      return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode operation(JsonNode plan, String kind) {
    return StreamSupport.stream(plan.get("operations").spliterator(), false)
        .filter(op -> op.get("kind").asText().equals(kind)).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + plan));
  }
}
