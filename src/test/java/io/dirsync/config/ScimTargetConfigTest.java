package io.dirsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SCIM keys of a {@code target:} section: where roles and departments go, and their errors with file:line:column. */
class ScimTargetConfigTest {
  @TempDir Path dir;

  private Path write(String target) throws IOException {
    Path file = dir.resolve("dirsync.yaml");
    Files.writeString(file, """
        jobs:
          - name: scim
            source:
              type: ldif
              files: [export.ldif]
              users: {baseDn: "ou=People,dc=example,dc=org"}
            mapping: mappings/scim.yaml
            target:
              type: scim
              url: https://idp.example.com/scim/v2
              auth: {bearer: token}
        %s""".formatted(target));
    return file;
  }

  private ScimTargetConfig load(String target) throws IOException {
    return new ConfigLoader(Map.of()).load(write(target)).jobs().get(0).target().scim();
  }

  @Test
  void rolesAndDepartmentsAreGroupsUnlessConfiguredAsAttributes() throws IOException {
    ScimTargetConfig plain = load("");
    assertThat(plain.roles()).isEqualTo(ScimTargetConfig.As.GROUPS);
    assertThat(plain.departments()).isEqualTo(ScimTargetConfig.As.GROUPS);

    ScimTargetConfig attributes = load("      roles: attribute\n      departments: attribute\n");
    assertThat(attributes.roles()).isEqualTo(ScimTargetConfig.As.ATTRIBUTE);
    assertThat(attributes.departments()).isEqualTo(ScimTargetConfig.As.ATTRIBUTE);
  }

  @Test
  void aWrongValueIsReportedAtItsLineAndColumnNamingTheChoices() throws IOException {
    Path file = write("      roles: attributes\n      departments: ou\n");

    ConfigException e = catchThrowableOfType(() -> new ConfigLoader(Map.of()).load(file), ConfigException.class);

    assertThat(e.problems()).extracting(Object::toString).containsExactly(
        file + ":12:14: jobs[0].target.roles must be one of [groups, attribute], not 'attributes'",
        file + ":13:20: jobs[0].target.departments must be one of [groups, attribute], not 'ou'");
  }
}
