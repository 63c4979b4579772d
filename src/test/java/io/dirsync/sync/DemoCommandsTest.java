package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dirsync sync} as a user runs it on a fresh checkout: the shipped {@code config/} and
 * {@code mappings/} copied into a temp directory (paths in the config are relative to it), the data
 * directory pointed there with {@code DIRSYNC_DATA}, commands run through {@link Main#run}.
 */
class DemoCommandsTest {
  private static final Pattern CALLS = Pattern.compile("API calls\\s+\\d+\\s+\\((.*)\\)");

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result dirsync(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] withConfig = Arrays.copyOf(args, args.length + 2);
    withConfig[args.length] = "-c";
    withConfig[args.length + 1] = dir.resolve("config/dirsync.yaml").toString();
    int code = Main.run(withConfig, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DIRSYNC_DATA", dir.resolve("data").toString()),
        Clock.systemUTC());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void copyShippedConfig() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String file : new String[] {"config/dirsync.yaml", "config/demo/corp.ldif", "mappings/demo.yaml"}) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(root.resolve(file), target);
    }
  }

  private static Set<String> callNames(String summary) {
    Matcher m = CALLS.matcher(summary);
    assertThat(m.find()).as("an API calls line in:%n%s", summary).isTrue();
    Set<String> names = new TreeSet<>();
    for (String part : m.group(1).split(",\\s*")) names.add(part.substring(0, part.lastIndexOf(' ')));
    return names;
  }

  @Test
  void syncingTheDemoTwiceChangesNothingTheSecondTimeAndLeavesAnEmptyPlan() throws IOException {
    copyShippedConfig();

    Result first = dirsync("sync");
    Result second = dirsync("sync");
    Result runs = dirsync("runs");
    Result plan = dirsync("plan", "--format", "json");

    assertThat(first.code()).as("first sync:%n%s%s", first.out(), first.err()).isZero();
    assertThat(first.out()).containsPattern("created\\s+[1-9]\\d*\\n");
    assertThat(second.code()).as("second sync:%n%s%s", second.out(), second.err()).isZero();
    assertThat(second.out()).containsPattern("created\\s+0\\n").containsPattern("updated\\s+0\\n")
        .containsPattern("blocked\\s+0\\n").containsPattern("memberships changed\\s+0\\n");
    assertThat(SyncTestBase.READS).as("only look-up calls the second time").containsAll(callNames(second.out()));
    assertThat(second.out()).as("300 users looked up in batches of 80").contains("POST /api/v2/users/batch 4");
    assertThat(runs.code()).isZero();
    assertThat(runs.out().lines().filter(l -> l.contains(" demo ") && l.contains("success"))).hasSize(2);
    assertThat(plan.code()).as(plan.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(plan.out());
    assertThat(json.path("operations").isArray()).isTrue();
    assertThat(json.path("operations")).isEmpty();
    assertThat(json.path("sourceUsers").asInt()).isEqualTo(json.path("unchanged").asInt()).isPositive();
  }
}
