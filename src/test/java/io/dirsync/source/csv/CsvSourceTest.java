package io.dirsync.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<SourceEntry> users(CsvSource source) {
    List<SourceEntry> out = new ArrayList<>();
    source.read(EntryKind.USER, out::add);
    return out;
  }

  @Test
  void eachRowIsAUserNamedByTheDnColumnWithItsCellsAsAttributes() throws Exception {
    Path csv = file("users.csv", "uid,Mail,displayName,groups\r\n"
        + "alice,alice@example.org,Alice Liddell,staff; admins\r\n"
        + "bob,bob@example.org,,\r\n");

    List<SourceEntry> users = users(new CsvSource(csv, "uid", ";"));

    assertThat(users).hasSize(2);
    SourceEntry alice = users.get(0);
    assertThat(alice.kind()).isEqualTo(EntryKind.USER);
    assertThat(alice.dn()).isEqualTo("alice");
    assertThat(alice.first("mail")).isEqualTo("alice@example.org");
    assertThat(alice.values("groups")).containsExactly("staff", "admins");
    assertThat(alice.first("displayname")).isEqualTo("Alice Liddell");
    assertThat(users.get(1).attributes()).containsOnlyKeys("uid", "mail");
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
    Path csv = file("users.csv", "id,title,note\n"
        + "1,\"Director, \"\"Sales\"\"\",\"line one\nline two\"\n"
        + "2,\"\",plain\n");

    List<SourceEntry> users = users(new CsvSource(csv, "id", null));

    assertThat(users.get(0).first("title")).isEqualTo("Director, \"Sales\"");
    assertThat(users.get(0).first("note")).isEqualTo("line one\nline two");
    assertThat(users.get(1).values("title")).isEmpty();
  }

  @Test
  void aByteOrderMarkIsSkippedAndUtf8TextKept() throws Exception {
    Path csv = Files.write(dir.resolve("bom.csv"),
        ("\uFEFFuid,cn\nzhang,张伟\n").getBytes(StandardCharsets.UTF_8));

    List<SourceEntry> users = users(new CsvSource(csv, "uid", null));

    assertThat(users.get(0).attributes()).containsOnlyKeys("uid", "cn");
    assertThat(users.get(0).first("cn")).isEqualTo("张伟");
  }

  @Test
  void withoutADnColumnRowsAreNumberedAndBlankLinesSkipped() throws Exception {
    Path csv = file("users.csv", "mail\na@x.org\n\nb@x.org");

    assertThat(users(new CsvSource(csv, null, null))).extracting(SourceEntry::dn).containsExactly("row:1", "row:2");
  }

  @Test
  void groupsAndDepartmentsAreEmpty() throws Exception {
    Path csv = file("users.csv", "uid\nalice\n");
    List<SourceEntry> out = new ArrayList<>();
    CsvSource source = new CsvSource(csv, "uid", null);
    source.read(EntryKind.GROUP, out::add);
    source.read(EntryKind.DEPARTMENT, out::add);
    assertThat(out).isEmpty();
  }

  @Test
  void checkCountsTheUsersAndNamesTheColumns() throws Exception {
    Path csv = file("users.csv", "uid,mail\nalice,a@x.org\nbob,b@x.org\n");

    var check = new CsvSource(csv, "uid", null).check();

    assertThat(check.ok()).isTrue();
    assertThat(check.steps()).contains("header: 2 columns (uid, mail)", "2 users");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsNamesFileAndLine() throws Exception {
    Path csv = file("users.csv", "uid,mail\nalice,a@x.org\n\"bob\nsmith\",b@x.org\ncarol,c@x.org,extra\n");

    assertThatThrownBy(() -> users(new CsvSource(csv, "uid", null)))
        .isInstanceOf(SourceException.class)
        .hasMessage(csv + ":5:1: this row has 3 fields, the header has 2")
        .satisfies(e -> assertThat(((SourceException) e).kind()).isEqualTo(SourceException.Kind.CONFIGURATION));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldNamesLineAndColumn() throws Exception {
    Path csv = file("users.csv", "uid,title\nalice,Head of \"IT\"\n");

    assertThatThrownBy(() -> users(new CsvSource(csv, "uid", null)))
        .hasMessageStartingWith(csv + ":2:15: a quote inside an unquoted field");
  }

  @Test
  void anUnclosedQuoteNamesWhereItOpened() throws Exception {
    Path csv = file("users.csv", "uid,title\r\nalice,ok\r\nbob,\"never closed\r\ncarol,x\r\n");

    assertThatThrownBy(() -> users(new CsvSource(csv, "uid", null)))
        .hasMessage(csv + ":3:5: the quoted field opened here is never closed");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() throws Exception {
    Path csv = file("users.csv", "uid,title\nalice,\"Boss\"x\n");

    assertThatThrownBy(() -> users(new CsvSource(csv, "uid", null)))
        .hasMessage(csv + ":2:13: 'x' after a closing quote (expected a comma or the end of the line)");
  }

  @Test
  void headerProblemsAreReported() throws Exception {
    assertThatThrownBy(() -> users(new CsvSource(file("empty.csv", ""), "uid", null)))
        .hasMessageContaining("empty.csv:1:1: the file is empty");
    assertThatThrownBy(() -> users(new CsvSource(file("dup.csv", "uid,UID\n"), "uid", null)))
        .hasMessageContaining("dup.csv:1:1: header column 2 repeats \"uid\" (column 1)");
    assertThatThrownBy(() -> users(new CsvSource(file("nodn.csv", "mail,cn\n"), "uid", null)))
        .hasMessageContaining("the dn column \"uid\" is not in the header (mail, cn)");
  }

  @Test
  void anEmptyOrRepeatedDnIsRefused() throws Exception {
    assertThatThrownBy(() -> users(new CsvSource(file("a.csv", "uid,mail\n,a@x.org\n"), "uid", null)))
        .hasMessageContaining("a.csv:2:1: column 1 (uid), the dn, is empty");
    assertThatThrownBy(() -> users(new CsvSource(file("b.csv", "uid\nalice\nbob\nalice\n"), "uid", null)))
        .hasMessageContaining("b.csv:4:1: dn \"alice\" is already used on line 2");
  }

  @Test
  void invalidUtf8AndAMissingFileAreReported() throws Exception {
    Path latin1 = Files.write(dir.resolve("latin1.csv"), "uid,cn\nj,J\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> users(new CsvSource(latin1, "uid", null))).hasMessageContaining("latin1.csv: not valid UTF-8");
    assertThatThrownBy(() -> users(new CsvSource(dir.resolve("missing.csv"), "uid", null)))
        .hasMessageContaining("missing.csv: no such file");
    assertThat(new CsvSource(dir.resolve("missing.csv"), "uid", null).check().ok()).isFalse();
  }
}
