package io.dirsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The image logs JSON only: nothing makes the JVM print a banner line of its own. */
class DockerfileTest {

  @Test
  void theImageAsksForJsonAndPassesJvmFlagsWithoutAnEnvironmentVariableTheJvmAnnounces() throws Exception {
    String dockerfile = Files.readString(Path.of("Dockerfile"));

    assertThat(dockerfile).contains("DIRSYNC_LOG_FORMAT=json");
    // The JVM prints "Picked up JAVA_TOOL_OPTIONS: …" (or JDK_JAVA_OPTIONS) to stderr, which is not JSON.
    assertThat(dockerfile.lines().filter(l -> !l.strip().startsWith("#")))
        .noneMatch(l -> l.contains("JAVA_TOOL_OPTIONS") || l.contains("JDK_JAVA_OPTIONS") || l.contains("_JAVA_OPTIONS"));
    assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\"");
  }
}
