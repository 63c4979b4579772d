package io.dirsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's several sources, and the jdbc source type, as the config file gives them. */
class JoinConfigTest {
  @TempDir Path dir;

  private DirsyncConfig load(String yaml) throws IOException {
    Path file = dir.resolve("dirsync.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(Map.of("HR_DB_PASSWORD", "pw")).load(file);
  }

  @Test
  void aJobListsSeveralSourcesEachWithNameConnectionMappingAndJoinKey() throws IOException {
    JobConfig job = load("""
        jobs:
          - name: hr-ad
            sources:
              - name: hr
                connection: {type: jdbc, url: "jdbc:postgresql://db/hr", user: sync, password: "${env:HR_DB_PASSWORD}", query: "SELECT * FROM people_v", fetchSize: 250}
                mapping: hr.yaml
                joinKey: employee_id
                maxDropPercent: 30
              - name: ad
                connection: {type: ldif, files: [ad.ldif], users: {baseDn: "DC=corp,DC=example"}}
                mapping: ad.yaml
                joinKey: employeeID
            mapping: join.yaml
            target: {type: sandbox}
        """).jobs().get(0);

    assertThat(job.joined()).isTrue();
    assertThat(job.sources()).extracting(JoinSourceConfig::name).containsExactly("hr", "ad");
    JoinSourceConfig hr = job.sources().get(0);
    assertThat(hr.connection().jdbc().query()).isEqualTo("SELECT * FROM people_v");
    assertThat(hr.connection().jdbc().password().value()).isEqualTo("pw");
    assertThat(hr.connection().jdbc().fetchSize()).isEqualTo(250);
    assertThat(hr.mapping()).isEqualTo(dir.resolve("hr.yaml"));
    assertThat(hr.maxDropPercent()).isEqualTo(30.0);
    assertThat(job.sources().get(1).maxDropPercent()).isEqualTo(50.0);
    assertThat(job.source()).as("the first source stands for the job where one is expected").isSameAs(hr.connection());
    assertThat(job.mapping()).isEqualTo(dir.resolve("join.yaml"));
  }

  @Test
  void theSingleSourceFormIsUnchanged() throws IOException {
    JobConfig job = load("""
        jobs:
          - name: one
            source: {type: csv, file: users.csv}
            mapping: m.yaml
            target: {type: sandbox}
        """).jobs().get(0);

    assertThat(job.joined()).isFalse();
    assertThat(job.sources()).isEmpty();
    assertThat(job.source().csv().file()).isEqualTo(dir.resolve("users.csv"));
  }

  @Test
  void everyProblemOfTheSourcesIsReportedWithLineAndColumn() {
    assertThatThrownBy(() -> load("""
        jobs:
          - name: bad
            source: {type: csv, file: x.csv}
            sources:
              - name: hr
                connection: {type: jdbc, url: "jdbc:mysql://db/hr", query: "DELETE FROM people"}
                mapping: hr.yaml
              - name: hr
                connection: {type: csv, file: hr.csv}
                mapping: hr2.yaml
                joinKey: id
                colour: red
            mapping: join.yaml
            target: {type: sandbox}
        """)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("dirsync.yaml:5:7: a job has either source or sources, not both")
        .hasMessageContaining("missing required key 'joinKey' in jobs[0].sources[0]")
        .hasMessageContaining("jobs[0].sources[0].connection.url must be a jdbc:postgresql: or jdbc:h2: URL")
        .hasMessageContaining("jobs[0].sources[0].connection.query must be a SELECT")
        .hasMessageContaining("dirsync.yaml:8:15: source name 'hr' is used twice in jobs[0].sources")
        .hasMessageContaining("unknown key 'colour' in jobs[0].sources[1]");
  }
}
