package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values are checked before anything is sent: the entry is skipped with the rule named, or cleaned where the mapping says so. */
class InputHygieneTest {
  private static final String STRICT = """
      users:
        externalId: employeeNumber
        fields:
          username: uid
          name: cn
          nickname: displayName
        customData:
          note: {from: description}
      """;

  private static DesiredState map(String mapping, SourceEntry... entries) {
    MappingSession session = MappingLoader.parse("m.yaml", mapping).newSession();
    for (SourceEntry e : entries) session.accept(e);
    return session.finish();
  }

  private static SourceEntry person(String id, String cn, String displayName) {
    return SourceEntry.of(EntryKind.USER, "uid=" + id + ",dc=x",
        Map.of("employeeNumber", List.of(id), "uid", List.of(id), "cn", List.of(cn), "displayName", List.of(displayName)));
  }

  private static SkippedEntry skippedOf(DesiredState state, String id) {
    return state.skipped().stream().filter(s -> s.dn().equals("uid=" + id + ",dc=x")).findFirst().orElseThrow();
  }

  @Test
  void aNulByteSkipsTheEntryNamingTheRuleAndTheField() {
    DesiredState state = map(STRICT, person("1", "Nul\u0000Byte", "ok"), person("2", "Fine", "ok"));

    assertThat(state.users()).extracting(DesiredUser::externalId).containsExactly(ExternalId.of("2"));
    SkippedEntry skipped = skippedOf(state, "1");
    assertThat(skipped.rule()).isEqualTo("hygiene.control-characters");
    assertThat(skipped.reason()).contains("users.fields.name").contains("U+0000").contains("\"Nul\\u0000Byte\"");
  }

  @Test
  void aTenMegabyteValueSkipsTheEntryWithoutQuotingItWhole() {
    String huge = "x".repeat(10 * 1024 * 1024);

    DesiredState state = map(STRICT, person("1", "Big", huge));

    assertThat(state.users()).isEmpty();
    SkippedEntry skipped = skippedOf(state, "1");
    assertThat(skipped.rule()).isEqualTo("hygiene.max-length");
    assertThat(skipped.reason()).contains("users.fields.nickname").contains("10485760 characters").hasSizeLessThan(300);
  }

  @Test
  void textThatWasNotValidUtf8SkipsTheEntry() {
    String decoded = new String(new byte[] {'A', (byte) 0xFF, 'B'}, StandardCharsets.UTF_8);

    DesiredState state = map(STRICT, person("1", decoded, "ok"), person("2", "lone \uD800 surrogate", "ok"));

    assertThat(state.users()).isEmpty();
    assertThat(skippedOf(state, "1").rule()).isEqualTo("hygiene.invalid-utf8");
    assertThat(skippedOf(state, "2").rule()).isEqualTo("hygiene.invalid-utf8");
  }

  @Test
  void customDataIsCheckedToo() {
    SourceEntry e = SourceEntry.of(EntryKind.USER, "uid=1,dc=x", Map.of("employeeNumber", List.of("1"), "uid", List.of("1"),
        "cn", List.of("A"), "description", List.of("bell\u0007")));

    DesiredState state = map(STRICT, e);

    assertThat(state.skipped()).singleElement().satisfies(s -> {
      assertThat(s.rule()).isEqualTo("hygiene.control-characters");
      assertThat(s.reason()).contains("users.customData.note");
    });
  }

  @Test
  void aMappingThatSaysSoCleansAndTruncatesInsteadOfSkipping() {
    String mapping = """
        users:
          externalId: employeeNumber
          fields:
            username: uid
            name: {from: cn, transforms: [clean]}
            nickname: {from: displayName, transforms: [clean, {truncate: 255}]}
        """;
    String decoded = new String(new byte[] {'A', (byte) 0xFF, 'B'}, StandardCharsets.UTF_8);

    DesiredState state = map(mapping, person("1", "Nul\u0000Byte", "x".repeat(300) + "\u0000"), person("2", decoded, "😀".repeat(300)));

    assertThat(state.skipped()).isEmpty();
    assertThat(state.users()).hasSize(2);
    DesiredUser one = state.users().get(0);
    assertThat(one.fields()).containsEntry("name", "NulByte").containsEntry("nickname", "x".repeat(255));
    DesiredUser two = state.users().get(1);
    assertThat(two.fields()).containsEntry("name", "AB").containsEntry("nickname", "😀".repeat(255));
  }

  @Test
  void tabsAndLineBreaksAreFine() {
    DesiredState state = map(STRICT, person("1", "Two\tWords", "line\r\nbreak"));

    assertThat(state.skipped()).isEmpty();
    assertThat(state.users()).hasSize(1);
  }

  private static final String CONTAINERS = """
      users:
        externalId: employeeNumber
        fields:
          username: uid
      groups:
        fromEntries:
          code: cn
          name: %s
          description: description
        fromAttribute:
          attribute: memberOf
          code: %s
          name: %s
      departments:
        fromEntries:
          base: ou=D,dc=x
          code: {from: ou, transforms: [lower]}
          name: ou
      """;

  private static SourceEntry group(String cn, String name, String description) {
    return SourceEntry.of(EntryKind.GROUP, "cn=" + cn + ",ou=G,dc=x",
        Map.of("cn", List.of(cn), "displayName", List.of(name), "description", List.of(description)));
  }

  private static SourceEntry department(String ou) {
    return SourceEntry.of(EntryKind.DEPARTMENT, "ou=" + ou + ",ou=D,dc=x", Map.of("ou", List.of(ou)));
  }

  private static SkippedEntry skippedAt(DesiredState state, String dn) {
    return state.skipped().stream().filter(s -> s.dn().equals(dn)).findFirst().orElseThrow(() -> new AssertionError(dn + " not in " + state.skipped()));
  }

  @Test
  void groupAndDepartmentNamesAreCheckedAndABadOneSkipsItsEntryNamingTheRule() {
    String decoded = new String(new byte[] {'A', (byte) 0xFF, 'B'}, StandardCharsets.UTF_8);

    DesiredState state = map(CONTAINERS.formatted("displayName", "cn", "cn"),
        group("nul", "Nul\u0000Group", "ok"), group("utf", decoded, "ok"), group("long", "ok", "d".repeat(3000)), group("fine", "Fine", "ok"),
        department("x".repeat(300)), department("Sales"));

    assertThat(state.groups()).extracting(g -> g.code()).containsExactly("fine");
    assertThat(state.departments()).extracting(d -> d.code()).containsExactly("sales");
    assertThat(skippedAt(state, "cn=nul,ou=G,dc=x").rule()).isEqualTo("hygiene.control-characters");
    assertThat(skippedAt(state, "cn=nul,ou=G,dc=x").reason()).contains("groups.fromEntries.name").contains("U+0000");
    assertThat(skippedAt(state, "cn=utf,ou=G,dc=x").rule()).isEqualTo("hygiene.invalid-utf8");
    assertThat(skippedAt(state, "cn=long,ou=G,dc=x").rule()).isEqualTo("hygiene.max-length");
    assertThat(skippedAt(state, "cn=long,ou=G,dc=x").reason()).contains("groups.fromEntries.description").contains("3000 characters");
    SkippedEntry department = skippedAt(state, "ou=" + "x".repeat(300) + ",ou=D,dc=x");
    assertThat(department.rule()).isEqualTo("hygiene.max-length");
    assertThat(department.reason()).contains("departments.fromEntries.");
  }

  @Test
  void aBadGroupNamedByAUserAttributeSkipsThatUserWhichIsThenNeverRemoved() {
    SourceEntry user = SourceEntry.of(EntryKind.USER, "uid=1,dc=x", Map.of("employeeNumber", List.of("1"), "uid", List.of("1"),
        "memberOf", List.of("cn=Bell\u0007Ringers,ou=G,dc=x")));

    DesiredState state = map(CONTAINERS.formatted("displayName", "cn", "cn"), user);

    assertThat(state.users()).isEmpty();
    assertThat(state.groups()).isEmpty();
    assertThat(state.unmappedUsers()).containsExactly(ExternalId.of("1"));
    assertThat(skippedAt(state, "uid=1,dc=x").rule()).isEqualTo("hygiene.control-characters");
    assertThat(skippedAt(state, "uid=1,dc=x").reason()).contains("groups.fromAttribute.");
  }

  @Test
  void aMappingThatSaysSoCleansGroupNamesInsteadOfSkipping() {
    SourceEntry user = SourceEntry.of(EntryKind.USER, "uid=1,dc=x", Map.of("employeeNumber", List.of("1"), "uid", List.of("1"),
        "memberOf", List.of("cn=Bell\u0007Ringers,ou=G,dc=x")));
    String clean = "{from: cn, transforms: [clean]}";
    String cleaning = CONTAINERS.formatted("{from: displayName, transforms: [clean, {truncate: 10}]}", clean, clean);

    DesiredState state = map(cleaning, group("nul", "Nul\u0000Group with a long name", "ok"), user);

    assertThat(state.skipped()).isEmpty();
    assertThat(state.groups()).extracting(g -> g.code() + "=" + g.name()).containsExactly("BellRingers=BellRingers", "nul=NulGroup w");
  }
}
