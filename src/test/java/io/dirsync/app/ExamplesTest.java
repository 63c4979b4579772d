package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dirsync.config.ConfigLoader;
import io.dirsync.config.DirsyncConfig;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.Problems;
import io.dirsync.config.YamlFile;
import io.dirsync.config.YamlNode;
import io.dirsync.mapping.MappingLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples are executable: every config under config/ and deploy/, and every YAML example in the README, loads. */
class ExamplesTest {
  private static final Map<String, String> ENV = Map.of(
      "DIRSYNC_DB_PASSWORD", "x", "LDAP_BIND_PASSWORD", "x", "LDAP_PASSWORD", "x", "AUTHING_SECRET", "x", "TRUSTSTORE_PASSWORD", "x", "AD_BIND_PASSWORD", "x",
      "SCIM_CLIENT_SECRET", "x", "SCIM_TOKEN", "x", "SCIM_PASSWORD", "x");

  @TempDir Path tmp;

  @Test
  void everyConfigUnderConfigValidatesWithItsMappings() throws IOException {
    List<Path> configs;
    try (Stream<Path> files = Files.walk(Path.of("config"))) {
      configs = files.filter(f -> f.getFileName().toString().equals("dirsync.yaml")).toList();
    }
    assertThat(configs).contains(Path.of("config/dirsync.yaml"), Path.of("config/examples/migration/dirsync.yaml"),
        Path.of("config/examples/hr-ad/dirsync.yaml"));
    App app = new App(ENV, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    for (Path config : configs) {
      assertThat(app.validate(config)).as(config.toString()).anyMatch(line -> line.contains("OK"));
    }
  }

  @Test
  void theDeploymentExamplesLoad() throws IOException {
    DirsyncConfig compose = new ConfigLoader(ENV).load(Path.of("deploy/compose/dirsync.yaml"));
    assertThat(compose.state().url()).startsWith("jdbc:postgresql:");

    JsonNode configMap = new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/kubernetes/configmap.yaml").toFile());
    Path config = tmp.resolve("dirsync.yaml");
    Files.writeString(config, configMap.at("/data/dirsync.yaml").asText());
    DirsyncConfig k8s = new ConfigLoader(ENV).load(config);
    assertThat(k8s.jobs()).extracting(j -> j.name()).containsExactly("nightly");
    assertThat(k8s.jobs().get(0).source().ldap().urls()).hasSize(2);
    assertThat(MappingLoader.parse("configmap mapping.yaml", configMap.at("/data/mapping.yaml").asText())).isNotNull();
  }

  @Test
  void everyYamlExampleInTheReadmeLoads() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher blocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> checked = new ArrayList<>();
    while (blocks.find()) {
      String yaml = blocks.group(1);
      String firstLine = yaml.lines().findFirst().orElse("");
      if (firstLine.startsWith("# dirsync.yaml source section")) {
        Problems problems = new Problems();
        YamlNode root = YamlFile.parse("README source example", yaml, ENV, problems);
        LdapSourceConfig.read(root.get("source"));
        assertThat(problems.list()).as(firstLine).isEmpty();
      } else if (firstLine.startsWith("# dirsync.yaml")) {
        Path file = tmp.resolve("readme-" + checked.size() + ".yaml");
        Files.writeString(file, yaml);
        assertThat(new ConfigLoader(ENV).load(file).jobs()).as(firstLine).isNotEmpty();
      } else if (firstLine.startsWith("# join mapping")) {
        assertThat(io.dirsync.mapping.join.JoinMapping.parse("README join mapping", yaml, List.of(
            new io.dirsync.mapping.join.JoinSource("hr", MappingLoader.load(Path.of("config/examples/hr-ad/hr.yaml"), ENV), "employee_id"),
            new io.dirsync.mapping.join.JoinSource("ad", MappingLoader.load(Path.of("config/examples/hr-ad/ad.yaml"), ENV), "employeeID"))))
            .isNotNull();
      } else if (firstLine.startsWith("# mapping")) {
        assertThat(MappingLoader.parse("README mapping example", yaml)).isNotNull();
      } else {
        throw new AssertionError("README yaml block without a '# dirsync.yaml' or '# mapping' first line: " + firstLine);
      }
      checked.add(firstLine);
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(4);
  }
}
