package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every mapping shipped in mappings/ loads, validates, and matches mappings/schema.json. */
class MappingFilesTest {
  private static final Path DIR = Path.of("mappings");

  static List<Path> mappingFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static JsonSchema schema() throws IOException {
    try (InputStream in = Files.newInputStream(DIR.resolve("schema.json"))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(String yaml) throws IOException {
    JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    return schema().validate(node);
  }

  @Test
  void theShippedMappingsAreAllThere() throws IOException {
    assertThat(mappingFiles()).extracting(p -> p.getFileName().toString())
        .contains("demo.yaml", "active-directory.yaml", "openldap-inetorgperson.yaml");
  }

  @ParameterizedTest
  @MethodSource("mappingFiles")
  void eachShippedMappingLoadsAndValidates(Path file) {
    Mapping mapping = MappingLoader.load(file, Map.of());
    assertThat(mapping.newSession().finish().users()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("mappingFiles")
  void eachShippedMappingMatchesTheJsonSchema(Path file) throws IOException {
    assertThat(validate(Files.readString(file))).isEmpty();
  }

  @Test
  void theCompleteExampleInTheDocsLoadsAndMatchesTheSchema() throws IOException {
    String doc = Files.readString(Path.of("docs/mapping.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("```yaml\n(version: 1\n.*?)```", java.util.regex.Pattern.DOTALL).matcher(doc);
    int examples = 0;
    while (m.find()) {
      examples++;
      MappingLoader.parse("docs/mapping.md", m.group(1));
      assertThat(validate(m.group(1))).isEmpty();
    }
    assertThat(examples).isPositive();
    assertThat(Slugs.slugify("研发中心/平台部")).as("the slug quoted in the docs").isEqualTo("6a042b04");
  }

  @Test
  void theSchemaRefusesWhatTheLoaderRefuses() throws IOException {
    assertThat(validate("users: {externalId: id, fields: {mail: mail}}")).isNotEmpty();
    assertThat(validate("users: {externalId: {from: a, value: b}}")).isNotEmpty();
    assertThat(validate("users: {externalId: {from: a, transforms: [lowercase]}}")).isNotEmpty();
    assertThat(validate("users: {externalId: id, fields: {name: {from: cn, policy: sometimes}}}")).isNotEmpty();
    assertThat(validate("groups: {createMissing: true}")).isNotEmpty();
    assertThat(validate("users: {externalId: {from: a, transforms: [lower, {phone: CN}, {flag: 2}]}}")).isEmpty();
  }
}
