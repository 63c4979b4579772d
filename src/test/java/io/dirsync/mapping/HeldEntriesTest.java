package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A skipped group or department entry is held: the desired state says which, so nobody loses anything for it. */
class HeldEntriesTest {
  private static final String MAPPING = """
      users:
        externalId: employeeNumber
        fields:
          username: uid
      groups:
        fromEntries:
          include: "!has(cn, 'ignored')"
          code: {from: cn, transforms: [lower, slugify]}
          name: cn
          description: description
      departments:
        fromEntries:
          base: ou=Org,dc=x
          code: {from: ouPath, transforms: [slugify]}
          name: ou
      """;

  private static DesiredState map(SourceEntry... entries) {
    MappingSession session = MappingLoader.parse("held.yaml", MAPPING).newSession();
    for (SourceEntry e : entries) session.accept(e);
    return session.finish();
  }

  private static SourceEntry person(String uid, String parentDn) {
    return SourceEntry.of(EntryKind.USER, "uid=" + uid + "," + parentDn, Map.of("uid", List.of(uid), "employeeNumber", List.of(uid)));
  }

  private static SourceEntry group(String cn, String description, String... members) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("cn", List.of(cn));
    attributes.put("description", List.of(description));
    return new SourceEntry(EntryKind.GROUP, "cn=" + cn + ",ou=Groups,dc=x", attributes, Map.of(), List.of(members));
  }

  private static SourceEntry ou(String dn, String name) {
    return SourceEntry.of(EntryKind.DEPARTMENT, dn, Map.of("ou", List.of(name)));
  }

  private static SkippedEntry skippedAt(DesiredState state, String dn) {
    return state.skipped().stream().filter(s -> s.dn().equals(dn)).findFirst().orElseThrow(() -> new AssertionError(dn + " not in " + state.skipped()));
  }

  @Test
  void aGroupEntryWithAControlCharacterInItsDescriptionIsHeldByItsCodeAndTheSkipSaysSo() {
    DesiredState state = map(group("Dev", "Developers\u0007", "uid=ann,ou=Org,dc=x"), group("Ops", "fine"), person("ann", "ou=Org,dc=x"));

    assertThat(state.groups()).extracting(g -> g.code()).containsExactly("ops");
    assertThat(state.held().groups()).containsExactly("dev");
    assertThat(state.held().unknownGroup()).isFalse();
    SkippedEntry skip = skippedAt(state, "cn=Dev,ou=Groups,dc=x");
    assertThat(skip.rule()).isEqualTo("hygiene.control-characters");
    assertThat(skip.reason()).contains("groups.fromEntries.description").contains("group \"dev\" is held this run");
  }

  @Test
  void aGroupEntryWhoseCodeCannotBeDeterminedHoldsEveryGroup() {
    DesiredState state = map(group("***", "no letters, so no code"), group("Ops", "fine"));

    assertThat(state.held().groups()).isEmpty();
    assertThat(state.held().unknownGroup()).isTrue();
    SkippedEntry skip = skippedAt(state, "cn=***,ou=Groups,dc=x");
    assertThat(skip.rule()).isEqualTo("groups.fromEntries.code");
    assertThat(skip.reason()).contains("its group code cannot be determined").contains("retires no group");
  }

  @Test
  void aGroupEntryOutOfScopeHoldsNothingAndAMappedOneIsNotHeld() {
    DesiredState state = map(group("ignored", "bell\u0007"), group("Ops", "fine"));

    assertThat(state.skipped()).isEmpty();
    assertThat(state.held().isEmpty()).isTrue();
  }

  @Test
  void aHeldOuKeepsItsUsersAndItsChildDepartmentInPlaceInsteadOfMovingThemUp() {
    SourceEntry platform = ou("ou=Platform,ou=Eng,ou=Org,dc=x", "Platform\u0000");
    SourceEntry eng = ou("ou=Eng,ou=Org,dc=x", "Eng");
    SourceEntry infra = ou("ou=Infra,ou=Platform,ou=Eng,ou=Org,dc=x", "Infra");
    SourceEntry ada = person("ada", "ou=Platform,ou=Eng,ou=Org,dc=x");
    SourceEntry ben = person("ben", "ou=Infra,ou=Platform,ou=Eng,ou=Org,dc=x");
    SourceEntry gil = person("gil", "ou=Eng,ou=Org,dc=x");

    for (DesiredState state : List.of(map(eng, platform, infra, ada, ben, gil), map(ada, ben, gil, infra, platform, eng))) {
      assertThat(state.held().departments()).containsExactly("eng-platform");
      assertThat(state.held().users()).containsExactly(ExternalId.of("ada"));
      assertThat(state.departments()).extracting(DesiredDepartment::code).containsExactly("eng", "eng-platform-infra");
      assertThat(state.departments()).filteredOn(d -> d.code().equals("eng-platform-infra"))
          .singleElement().satisfies(d -> assertThat(d.parentCode()).as("not moved up to eng").isEqualTo("eng-platform"));
      assertThat(skippedAt(state, "ou=Platform,ou=Eng,ou=Org,dc=x").reason()).contains("department \"eng-platform\" is held this run");
    }
  }

  @Test
  void anOuWhoseCodeCannotBeDeterminedHoldsItsUsersAndTheDepartmentsBelowIt() {
    String mapping = MAPPING.replace("code: {from: ouPath, transforms: [slugify]}", "code: {from: ou, transforms: [slugify]}");
    MappingSession session = MappingLoader.parse("held.yaml", mapping).newSession();
    List.of(ou("ou=Eng,ou=Org,dc=x", "Eng"), ou("ou=***,ou=Eng,ou=Org,dc=x", "***"), ou("ou=Infra,ou=***,ou=Eng,ou=Org,dc=x", "Infra"),
        person("ada", "ou=***,ou=Eng,ou=Org,dc=x"), person("ben", "ou=Infra,ou=***,ou=Eng,ou=Org,dc=x"), person("gil", "ou=Eng,ou=Org,dc=x"))
        .forEach(session::accept);

    DesiredState state = session.finish();

    assertThat(state.held().unknownDepartment()).isTrue();
    assertThat(state.held().departments()).containsExactly("infra");
    assertThat(state.held().users()).containsExactlyInAnyOrder(ExternalId.of("ada"), ExternalId.of("ben"));
    assertThat(state.departments()).extracting(DesiredDepartment::code).containsExactly("eng");
    assertThat(skippedAt(state, "ou=***,ou=Eng,ou=Org,dc=x").reason()).contains("its department code cannot be determined");
    assertThat(skippedAt(state, "ou=Infra,ou=***,ou=Eng,ou=Org,dc=x").reason()).contains("its parent is unknown");
  }

  @Test
  void anOuOutsideTheBaseHoldsNothing() {
    DesiredState state = map(ou("ou=Else,dc=x", "Else\u0000"), person("ann", "ou=Else,dc=x"));

    assertThat(state.held().isEmpty()).isTrue();
  }
}
