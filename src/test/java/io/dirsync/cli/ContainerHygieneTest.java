package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group and department entries go through the same input hygiene as users: a control character,
 * text that was not UTF-8 or an over-long name skips the entry, which `plan` reports with the rule
 * and the mapping rule named, and `sync` never sends.
 */
class ContainerHygieneTest {
  @TempDir Path dir;

  private String dirsync(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("-c", dir.resolve("config/dirsync.yaml").toString())).toArray(String[]::new);
    int code = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("DIRSYNC_DATA", dir.resolve("data").toString()), Clock.systemUTC());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void badGroupAndDepartmentNamesAreSkippedAndReportedByPlanAndNeverSent() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String file : new String[] {"config/dirsync.yaml", "config/demo/corp.ldif", "mappings/demo.yaml"}) {
      Files.createDirectories(dir.resolve(file).getParent());
      Files.copy(root.resolve(file), dir.resolve(file));
    }
    Path ldif = dir.resolve("config/demo/corp.ldif");
    String longOu = "Abteilung".repeat(30);
    String text = Files.readString(ldif)
        .replace("description: Platform engineers\n", "description:: " + base64("Platform\u0000engineers".getBytes(StandardCharsets.UTF_8)) + "\n")
        .replace("description: Mobile engineers\n", "description:: " + base64(new byte[] {'M', 'o', (byte) 0xFF, 'b'}) + "\n")
        + "\ndn: ou=" + longOu + ",ou=Departments,dc=corp,dc=example\nobjectClass: top\nobjectClass: organizationalUnit\nou: " + longOu + "\n";
    Files.writeString(ldif, text);

    String plan = dirsync("plan");
    String sync = dirsync("sync");
    String again = dirsync("plan");

    assertThat(plan).containsPattern("skipped cn=platform-team,ou=Groups,[^\\n]* \\(hygiene\\.control-characters\\): groups\\.fromEntries\\.description")
        .containsPattern("skipped cn=mobile-team,ou=Groups,[^\\n]* \\(hygiene\\.invalid-utf8\\): groups\\.fromEntries\\.description")
        .containsPattern("skipped ou=(Abteilung)+,ou=Departments,[^\\n]* \\(hygiene\\.max-length\\): departments\\.fromEntries\\.");
    assertThat(sync).containsPattern("(?m)^  skipped +3$");
    // the skipped entries stay skipped (not created by the sync, nothing left to do for them)
    assertThat(again).contains("(hygiene.control-characters)", "(hygiene.invalid-utf8)", "(hygiene.max-length)").contains("No changes");
  }

  /** The users' side of the same checks, and the time limit, through the CLI on the demo. */
  @Test
  void aUserWithANulByteOrAPatternThatRunsAwayIsSkippedAndReportedByPlanAndTheRestIsPlanned() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String file : new String[] {"config/dirsync.yaml", "config/demo/corp.ldif", "mappings/demo.yaml"}) {
      Files.createDirectories(dir.resolve(file).getParent());
      Files.copy(root.resolve(file), dir.resolve(file));
    }
    Path ldif = dir.resolve("config/demo/corp.ldif");
    Files.writeString(ldif, Files.readString(ldif)
        .replace("displayName: 郭磊\n", "displayName:: " + base64("Guo\u0000Lei".getBytes(StandardCharsets.UTF_8)) + "\n")
        .replace("employeeNumber: E10002\ntitle: QA Engineer\n", "employeeNumber: E10002\ntitle: " + "a".repeat(40) + "!\n"));
    Path mapping = dir.resolve("mappings/demo.yaml");
    Files.writeString(mapping, Files.readString(mapping).replace("title: {from: title, type: string}",
        "title: {from: title, type: string, transforms: [{replace: {pattern: \"(.*a){12}b\", with: x}}]}"));

    String plan = dirsync("plan");

    assertThat(plan).containsPattern("skipped uid=guo\\.lei,[^\\n]* \\(hygiene\\.control-characters\\): users\\.fields\\.nickname: \"Guo\\\\u0000Lei\"")
        .containsPattern("skipped uid=li\\.fang,[^\\n]* \\(time-limit\\): in users\\.customData\\.title: a regular expression ran longer than the 1 s")
        .contains(", 2 skipped")
        .doesNotContain("Guo\u0000Lei");
  }
}
