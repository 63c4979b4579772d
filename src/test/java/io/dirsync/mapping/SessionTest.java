package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {
  private static final String MAPPING = """
      users:
        include: "has(objectClass, 'person')"
        exclude: "uid == 'admin'"
        externalId: employeeNumber
        fields:
          username: uid
          email: {from: mail, required: true}
          nickname: {from: displayName, policy: createOnly}
          company: {value: Corp, policy: ignore}
        customData:
          age: {from: age, type: number}
          score: {from: score, type: number}
          remote: {from: remote, type: boolean}
          hired: {from: hired, transforms: [generalizedTime], type: datetime}
        password: {from: userPassword, keep: true}
      groups:
        createMissing: false
        fromEntries:
          include: "!has(cn, 'ignored')"
          code: {from: cn, transforms: [lower]}
          name: cn
        fromAttribute:
          attribute: memberOf
          include: "dn =~ '(?i).*,ou=groups,.*'"
          code: {from: cn, transforms: [lower, slugify]}
          name: cn
      roles:
        createMissing: true
        rules:
          - when: "title?.contains('Manager')"
            codes: [manager]
          - when: "has(memberOf, 'cn=Admins,ou=Groups,dc=x')"
            namespace: ops
            codes: [admin, auditor]
      departments:
        fromEntries:
          base: ou=Org,dc=x
          code: {from: ouPath, transforms: [slugify]}
        fromAttribute:
          attribute: department
          code: {from: value, transforms: [slugify]}
          name: value
      """;

  private static SourceEntry person(String dn, String... pairs) {
    Map<String, List<String>> attributes = new java.util.LinkedHashMap<>();
    attributes.put("objectClass", List.of("person"));
    for (int i = 0; i < pairs.length; i += 2) {
      attributes.merge(pairs[i], List.of(pairs[i + 1]), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }
    return SourceEntry.of(EntryKind.USER, dn, attributes);
  }

  private static SourceEntry ou(String dn, String ou) {
    return SourceEntry.of(EntryKind.DEPARTMENT, dn, Map.of("ou", List.of(ou)));
  }

  private static SourceEntry group(String dn, String cn, String... members) {
    return new SourceEntry(EntryKind.GROUP, dn, Map.of("cn", List.of(cn)), Map.of(), List.of(members));
  }

  private static DesiredState map(SourceEntry... entries) {
    MappingSession session = MappingLoader.parse("session.yaml", MAPPING).newSession();
    for (SourceEntry e : entries) session.accept(e);
    return session.finish();
  }

  @Test
  void entriesThatCannotBeMappedAreSkippedWithTheirDnAndRuleWhileTheRestGoesOn() {
    DesiredState state = map(
        person("uid=bob,ou=Org,dc=x", "uid", "bob", "employeeNumber", "1", "mail", "bob@@x"),
        person("uid=nomail,ou=Org,dc=x", "uid", "nomail", "employeeNumber", "2"),
        person("uid=noid,ou=Org,dc=x", "uid", "noid", "mail", "noid@x.org"),
        person("uid=age,ou=Org,dc=x", "employeeNumber", "3", "mail", "a@x.org", "age", "old"),
        person("uid=ok,ou=Org,dc=x", "employeeNumber", "4", "mail", "ok@x.org"),
        person("uid=dup,ou=Org,dc=x", "employeeNumber", "4", "mail", "dup@x.org"));
    assertThat(state.skipped()).containsExactly(
        new SkippedEntry("uid=bob,ou=Org,dc=x", "users.email", "\"bob@@x\" is not an email"),
        new SkippedEntry("uid=nomail,ou=Org,dc=x", "users.email", "no value, and the field is required"),
        new SkippedEntry("uid=noid,ou=Org,dc=x", "users.externalId", "no value for the externalId"),
        new SkippedEntry("uid=age,ou=Org,dc=x", "users.customData.age", "\"old\" is not a number"),
        new SkippedEntry("uid=dup,ou=Org,dc=x", "users.externalId", "externalId \"4\" is already used by uid=ok,ou=Org,dc=x"));
    assertThat(state.users()).extracting(u -> u.externalId().value()).containsExactly("4");
  }

  @Test
  void scopeConditionsLeaveOtherEntriesOutWithoutReportingThem() {
    DesiredState state = map(
        person("uid=admin,dc=x", "uid", "admin", "employeeNumber", "1", "mail", "a@x.org"),
        SourceEntry.of(EntryKind.USER, "cn=printer,dc=x", Map.of("objectClass", List.of("device"), "employeeNumber", List.of("2"))));
    assertThat(state.users()).isEmpty();
    assertThat(state.skipped()).isEmpty();
  }

  @Test
  void policiesCustomDataTypesAndThePasswordAreCarriedOver() {
    DesiredUser user = map(person("uid=ann,ou=Org,dc=x", "uid", "ann", "employeeNumber", "7", "mail", "ann@x.org",
        "displayName", "Annie", "age", "42", "score", "9.5", "remote", "yes", "hired", "20200102030405Z",
        "userPassword", "{SSHA}abc")).users().get(0);
    assertThat(user.fields()).containsExactlyInAnyOrderEntriesOf(
        Map.of("username", "ann", "email", "ann@x.org", "nickname", "Annie", "company", "Corp"));
    assertThat(user.policies()).isEqualTo(Map.of("nickname", FieldPolicy.CREATE_ONLY, "company", FieldPolicy.IGNORE));
    assertThat(user.customData()).isEqualTo(Map.of("age", 42L, "score", 9.5, "remote", true, "hired", "2020-01-02T03:04:05Z"));
    assertThat(user.password()).isEqualTo(new ImportedPassword("{SSHA}abc", true));
  }

  @Test
  void groupEntriesAreJoinedToUsersByDnWhateverTheOrderAndSpelling() {
    DesiredState state = map(
        group("cn=Dev,ou=Groups,dc=x", "Dev", "UID=Ann, OU=Org, DC=x", "uid=gone,dc=x"),
        group("cn=ignored,ou=Groups,dc=x", "ignored", "uid=ann,ou=Org,dc=x"),
        person("uid=ann,ou=Org,dc=x", "employeeNumber", "7", "mail", "ann@x.org",
            "memberOf", "cn=Admins,ou=Groups,dc=x", "memberOf", "cn=Elsewhere,ou=Other,dc=x"));
    assertThat(state.users().get(0).groups()).containsExactly("admins", "dev");
    assertThat(state.groups()).containsExactly(new DesiredGroup("admins", "Admins", null), new DesiredGroup("dev", "Dev", null));
    assertThat(state.createMissingGroups()).isFalse();
  }

  @Test
  void usersReadBeforeTheirGroupsAndOusEndTheSameAsUsersReadAfterThem() {
    SourceEntry dev = group("cn=Dev,ou=Groups,dc=x", "Dev", "uid=ann,ou=Backend,ou=Org,dc=x");
    SourceEntry backend = ou("ou=Backend,ou=Org,dc=x", "Backend");
    SourceEntry ann = person("uid=ann,ou=Backend,ou=Org,dc=x", "employeeNumber", "7", "mail", "ann@x.org");
    DesiredState usersLast = map(backend, dev, ann);
    DesiredState usersFirst = map(ann, dev, backend);
    assertThat(usersLast.users().get(0).groups()).containsExactly("dev");
    assertThat(usersLast.users().get(0).mainDepartment()).isEqualTo("backend");
    assertThat(usersFirst).isEqualTo(usersLast);
  }

  @Test
  void twoGroupsWithOneCodeKeepTheFirstAndHoldTheCode() {
    DesiredState state = map(group("cn=Dev,ou=A,dc=x", "Dev"), group("cn=dev,ou=B,dc=x", "dev"));
    assertThat(state.groups()).extracting(DesiredGroup::code).containsExactly("dev");
    assertThat(state.skipped()).containsExactly(new SkippedEntry("cn=dev,ou=B,dc=x", "groups.fromEntries.code",
        "group code \"dev\" is already used by cn=Dev,ou=A,dc=x; group \"dev\" is held this run: not created, changed or"
            + " retired, and nobody's membership in it changes"));
    assertThat(state.held().groups()).containsExactly("dev");
  }

  @Test
  void rolesFollowTheirRulesAndAreAllListed() {
    DesiredState state = map(person("uid=ann,ou=Org,dc=x", "employeeNumber", "7", "mail", "ann@x.org",
        "title", "Sales Manager", "memberOf", "cn=Admins,ou=Groups,dc=x"),
        person("uid=joe,ou=Org,dc=x", "employeeNumber", "8", "mail", "joe@x.org"));
    assertThat(state.users().get(0).roles()).containsExactly(
        new RoleRef("default", "manager"), new RoleRef("ops", "admin"), new RoleRef("ops", "auditor"));
    assertThat(state.users().get(1).roles()).isEmpty();
    assertThat(state.roles()).hasSize(3);
    assertThat(state.createMissingRoles()).isTrue();
    assertThat(MappingLoader.parse("session.yaml", MAPPING).roleNamespaces()).containsExactlyInAnyOrder("default", "ops");
  }

  @Test
  void departmentsComeFromOusBelowTheBaseWithParentsAndTheUsersOuAsMainDepartment() {
    DesiredState state = map(
        person("uid=ann,ou=Backend,ou=R&D,ou=Org,dc=x", "employeeNumber", "7", "mail", "ann@x.org", "department", "Tiger Team"),
        ou("ou=Backend,ou=R&D,ou=Org,dc=x", "Backend"),
        ou("ou=R&D,ou=Org,dc=x", "R&D"),
        ou("ou=Org,dc=x", "Org"),
        ou("ou=Elsewhere,dc=x", "Elsewhere"),
        person("uid=joe,ou=Org,dc=x", "employeeNumber", "8", "mail", "joe@x.org", "department", "Tiger Team"));
    assertThat(state.departments()).containsExactly(
        new DesiredDepartment("r-d", "R&D", null, "ou=R&D,ou=Org,dc=x"),
        new DesiredDepartment("r-d-backend", "Backend", "r-d", "ou=Backend,ou=R&D,ou=Org,dc=x"),
        new DesiredDepartment("tiger-team", "Tiger Team", null, null));
    DesiredUser ann = state.users().get(0);
    assertThat(ann.departments()).containsExactly("r-d-backend", "tiger-team");
    assertThat(ann.mainDepartment()).isEqualTo("r-d-backend");
    DesiredUser joe = state.users().get(1);
    assertThat(joe.departments()).containsExactly("tiger-team");
    assertThat(joe.mainDepartment()).isEqualTo("tiger-team");
  }

  @Test
  void aFailingConditionSkipsTheEntryNamingTheCondition() {
    Mapping mapping = MappingLoader.parse("m.yaml", "users:\n  include: \"uid.toUpperCase() == 'X'\"\n  externalId: uid\n");
    MappingSession session = mapping.newSession();
    session.accept(SourceEntry.of(EntryKind.USER, "cn=nouid,dc=x", Map.of()));
    assertThat(session.finish().skipped()).singleElement()
        .satisfies(s -> assertThat(s.rule()).isEqualTo("users.include"))
        .satisfies(s -> assertThat(s.dn()).isEqualTo("cn=nouid,dc=x"));
  }
}
