package io.dirsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String GOOD = """
      state:
        url: jdbc:postgresql://127.0.0.1:5432/dirsync
        user: dirsync
        password: ${env:DB_PASSWORD}
      jobs:
        - name: nightly
          schedule: "0 0 2 * * ?"
          timeZone: Asia/Shanghai
          source:
            type: ldif
            files: [export.ldif]
            users: {baseDn: "ou=People,dc=example,dc=org"}
          mapping: mappings/ad.yaml
          target:
            type: authing
            userPoolId: pool-1
            secret: ${file:secret.txt}
          removal:
            action: delete
            maxDeletes: 5
            groups: delete
            maxRetired: 3
          apply:
            concurrency: 8
            requestsPerSecond: 15
            initialBackoff: 250ms
      """;

  @Test
  void aGoodFileBecomesRecordsWithSecretsResolvedAndPathsRelativeToTheFile() throws IOException {
    write("secret.txt", "s3cr3t\n");
    Path file = write("dirsync.yaml", GOOD);

    DirsyncConfig config = new ConfigLoader(Map.of("DB_PASSWORD", "pw")).load(file);

    assertThat(config.state().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/dirsync");
    assertThat(config.state().password().value()).isEqualTo("pw");
    assertThat(config.state().password().toString()).doesNotContain("pw");
    JobConfig job = config.job("nightly").orElseThrow();
    assertThat(job.timeZone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(job.source().ldap().files()).containsExactly(dir.resolve("export.ldif").toString());
    assertThat(job.mapping()).isEqualTo(dir.resolve("mappings/ad.yaml"));
    assertThat(job.target().secret().value()).isEqualTo("s3cr3t");
    assertThat(job.target().host()).isEqualTo("https://core.authing.cn");
    assertThat(job.removal().action()).isEqualTo(RemovalAction.DELETE);
    assertThat(job.removal().maxDeletes()).isEqualTo(5);
    assertThat(job.removal().groups()).isEqualTo(io.dirsync.model.ContainerRemoval.DELETE);
    assertThat(job.removal().departments()).isEqualTo(io.dirsync.model.ContainerRemoval.DELETE);
    assertThat(job.removal().maxRetired()).isEqualTo(3);
    assertThat(job.apply().concurrency()).isEqualTo(8);
    assertThat(job.apply().initialBackoff()).hasMillis(250);
    assertThat(config.job(null)).contains(job);
  }

  @Test
  void everyProblemIsReportedAtOnceWithLineAndColumn() throws IOException {
    Path file = write("bad.yaml", """
        jobs:
          - name: nightly
            colour: blue
            source:
              type: ldif
              files: [a.ldif]
              users: {baseDn: "dc=x"}
            target:
              type: authing
              userPoolId: p
              secret: s
            apply:
              concurrency: lots
        """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
          assertThat(lines).containsExactlyInAnyOrder(
              file + ":3:5: unknown key 'colour' in jobs[0]; expected one of [apply, mapping, name, removal, schedule, source, sources, target, timeZone]",
              file + ":2:5: missing required key 'mapping' in jobs[0]",
              file + ":13:20: jobs[0].apply.concurrency must be a whole number, not 'lots'");
        });
  }

  @Test
  void aYamlSyntaxErrorNamesTheLine() throws IOException {
    Path file = write("broken.yaml", "jobs:\n  - name: x\n    source: [unclosed\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":4:")
        .hasMessageContaining("YAML syntax");
  }

  @Test
  void aMissingEnvironmentVariableIsAProblemAtItsPlaceAndADefaultCanBeGiven() throws IOException {
    Path file = write("env.yaml", """
        reports: ${env:REPORTS_DIR:-out/reports}
        jobs:
          - name: j
            source: {type: ldif, files: [a.ldif], users: {baseDn: "dc=x"}}
            mapping: m.yaml
            target: {type: authing, userPoolId: p, secret: "${env:AUTHING_SECRET}"}
        """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":6:")
        .hasMessageContaining("environment variable AUTHING_SECRET is not set");
    DirsyncConfig config = new ConfigLoader(Map.of("AUTHING_SECRET", "x")).load(file);
    assertThat(config.reportsDir()).isEqualTo(dir.resolve("out/reports"));
  }

  @Test
  void unknownEnumValuesListTheAllowedOnes() throws IOException {
    Path file = write("enum.yaml", """
        jobs:
          - name: j
            source: {type: ldif, files: [a.ldif], users: {baseDn: "dc=x"}}
            mapping: m.yaml
            target: {type: authing, userPoolId: p, secret: s}
            removal: {action: vaporise}
        """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .hasMessageContaining("jobs[0].removal.action must be one of [block, delete, none], not 'vaporise'");
  }

  @Test
  void deltaSyncNeedsAnLdapServerAndAFullReconciliationPeriodOfAtLeastAMinute() throws IOException {
    Path good = write("delta.yaml", """
        jobs:
          - name: j
            source: {type: ldap, urls: ["ldap://127.0.0.1:389"], users: {baseDn: "dc=x"}, delta: {fullEvery: 12h}}
            mapping: m.yaml
            target: {type: authing, userPoolId: p, secret: s}
        """);
    assertThat(new ConfigLoader(Map.of()).load(good).job("j").orElseThrow().source().ldap().delta().fullEvery())
        .isEqualTo(java.time.Duration.ofHours(12));

    Path bad = write("bad-delta.yaml", """
        jobs:
          - name: j
            source: {type: ldif, files: [a.ldif], users: {baseDn: "dc=x"}, delta: {fullEvery: 10s, every: 1h}}
            mapping: m.yaml
            target: {type: authing, userPoolId: p, secret: s}
        """);
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad))
        .hasMessageContaining("delta.fullEvery must be at least 1m")
        .hasMessageContaining("every")
        .hasMessageContaining("needs an LDAP server");
  }
}
