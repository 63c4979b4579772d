package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.ConfigException;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.SourceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {

  @Test
  void environmentReferencesAreResolvedWhenTheFileLoads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, "users:\n  externalId: uid\n  password: {value: \"${env:INITIAL_PASSWORD}\"}\n");
    MappingSession session = MappingLoader.load(file, Map.of("INITIAL_PASSWORD", "s3cret!")).newSession();
    session.accept(SourceEntry.of(EntryKind.USER, "uid=a,dc=x", Map.of("uid", List.of("a"))));
    assertThat(session.finish().users().get(0).password()).isEqualTo(new ImportedPassword("s3cret!", false));
  }

  @Test
  void aMissingEnvironmentVariableIsAProblemAtItsPosition(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, "users:\n  externalId: uid\n  password: {value: \"${env:NOPE}\"}\n");
    assertThatThrownBy(() -> MappingLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":3:21:")
        .hasMessageContaining("environment variable NOPE is not set");
  }

  @Test
  void aMissingFileIsReportedByName(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");
    assertThatThrownBy(() -> MappingLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":1:1: cannot read file");
  }

  @Test
  void aLoadedMappingCanServeManySessions() {
    Mapping mapping = MappingLoader.parse("m.yaml", "users:\n  externalId: uid\n");
    for (String uid : List.of("a", "b")) {
      MappingSession session = mapping.newSession();
      session.accept(SourceEntry.of(EntryKind.USER, "uid=" + uid + ",dc=x", Map.of("uid", List.of(uid))));
      assertThat(session.finish().users()).singleElement().satisfies(u -> assertThat(u.externalId().value()).isEqualTo(uid));
    }
    assertThat(mapping.attributes(EntryKind.USER)).containsExactly("uid");
    assertThat(mapping.attributes(EntryKind.GROUP)).isEmpty();
    assertThat(mapping.roleNamespaces()).isEmpty();
  }
}
