package io.dirsync.mapping.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.ConfigException;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The join on its own: HR rows and AD accounts in, one desired state out. */
class JoinMappingTest {
  private static final String HR = """
      version: 1
      users:
        include: "status != 'withdrawn'"
        externalId: employee_id
        fields:
          username: {from: first_name, transforms: [lower]}
          name: "{first_name} {last_name}"
          phone: phone
        customData:
          title: title
      departments:
        fromAttribute:
          attribute: department
          code: {from: value, transforms: [slugify]}
          name: value
      """;
  private static final String AD = """
      version: 1
      users:
        externalId: objectGuidText
        fields:
          username: sAMAccountName
          email: mail
          name: displayName
          phone: telephoneNumber
        customData:
          title: title
      groups:
        createMissing: true
        fromAttribute:
          attribute: memberOf
          code: {from: cn, transforms: [lower, slugify]}
          name: cn
      departments:
        fromAttribute:
          attribute: department
          code: {from: value, transforms: [slugify, {template: "ad-{value}"}]}
      """;
  private static final String JOIN = """
      version: 1
      join:
        externalId: [hr]
        order: [hr, ad]
        require: [hr]
        fields:
          username: [ad, hr]
          email: [ad]
          phone: [ad, hr]
        customData:
          title: [hr, ad]
        groups: [ad]
        departments: [hr]
        leavers:
          source: hr
          endDate: end_date
          endDateFormat: dd.MM.yyyy
          status: status
          leftStatuses: [Terminated]
      """;
  private static final LocalDate TODAY = LocalDate.parse("2026-12-30");

  private static JoinMapping mapping(String join) {
    return JoinMapping.parse("join.yaml", join, List.of(
        new JoinSource("hr", MappingLoader.parse("hr.yaml", HR), "employee_id"),
        new JoinSource("ad", MappingLoader.parse("ad.yaml", AD), "employeeID")));
  }

  private static SourceEntry hr(String row, String... pairs) {
    return entry("row:" + row, pairs);
  }

  private static SourceEntry ad(String cn, String... pairs) {
    return entry("CN=" + cn + ",OU=Staff,DC=corp,DC=example", pairs);
  }

  private static SourceEntry entry(String dn, String... pairs) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) attributes.put(pairs[i], List.of(pairs[i + 1]));
    return SourceEntry.of(EntryKind.USER, dn, attributes);
  }

  private static JoinResult join(String rules, LocalDate today, List<SourceEntry> hr, List<SourceEntry> ad) {
    JoinSession session = mapping(rules).newSession(today);
    hr.forEach(e -> session.accept("hr", e));
    ad.forEach(e -> session.accept("ad", e));
    return session.finish();
  }

  private static DesiredUser user(DesiredState state, String id) {
    return state.users().stream().filter(u -> u.externalId().equals(ExternalId.of(id))).findFirst()
        .orElseThrow(() -> new AssertionError("no user " + id + " in " + state.users()));
  }

  private static final List<SourceEntry> HR_ROWS = List.of(
      hr("1", "employee_id", "E1", "first_name", "Ada", "last_name", "Lovelace", "title", "Principal Engineer",
          "department", "Engineering", "phone", "+441", "status", "Active"),
      hr("2", "employee_id", "E2", "first_name", "Linus", "last_name", "Pauling", "title", "Fellow",
          "department", "Research", "phone", "+442", "status", "Active"),
      hr("3", "employee_id", "E3", "first_name", "Grace", "last_name", "Hopper", "title", "Lead",
          "department", "Operations", "end_date", "31.12.2026", "status", "Active"),
      hr("4", "employee_id", "E4", "first_name", "Barbara", "last_name", "Liskov", "department", "Engineering",
          "status", "Terminated"),
      hr("5", "employee_id", "E5", "first_name", "Kate", "last_name", "Johnson", "status", "withdrawn"));
  private static final List<SourceEntry> AD_ACCOUNTS = List.of(
      ad("Ada", "objectGuidText", "g-1", "employeeID", " e1 ", "sAMAccountName", "ada", "mail", "ada@corp.example",
          "displayName", "Ada L.", "title", "Engineer", "memberOf", "CN=VPN Users,OU=Groups,DC=corp,DC=example",
          "department", "R&D"),
      ad("Grace", "objectGuidText", "g-3", "employeeID", "E3", "sAMAccountName", "grace", "mail", "grace@corp.example"),
      ad("Barbara", "objectGuidText", "g-4", "employeeID", "E4", "sAMAccountName", "barbara"),
      ad("Ken", "objectGuidText", "g-9", "employeeID", "E9", "sAMAccountName", "ken"),
      ad("Kate", "objectGuidText", "g-5", "employeeID", "E5", "sAMAccountName", "kate"));

  @Test
  void eachFieldComesFromTheSourceThatWinsItAndFallsBackWhenThatSourceHasNoValue() {
    DesiredState state = join(JOIN, TODAY, HR_ROWS, AD_ACCOUNTS).state();

    DesiredUser ada = user(state, "E1");
    assertThat(ada.fields()).containsEntry("username", "ada").containsEntry("email", "ada@corp.example")
        .containsEntry("name", "Ada Lovelace").containsEntry("phone", "+441");
    assertThat(ada.customData()).containsEntry("title", "Principal Engineer");
    assertThat(ada.groups()).containsExactly("vpn-users");
    assertThat(ada.departments()).containsExactly("engineering");
    assertThat(ada.mainDepartment()).isEqualTo("engineering");
    assertThat(ada.sourceDn()).isEqualTo("row:1");

    DesiredUser linus = user(state, "E2");
    assertThat(linus.fields()).as("no AD account yet: HR's values").containsEntry("username", "linus")
        .doesNotContainKey("email");
    assertThat(linus.groups()).isEmpty();

    assertThat(state.departments()).extracting(d -> d.code()).containsExactly("engineering", "operations", "research");
    assertThat(state.groups()).extracting(g -> g.code()).containsExactly("vpn-users");
    assertThat(state.createMissingGroups()).isTrue();
  }

  @Test
  void whoCountsIsInHrAndInScopeThereWithAdOptional() {
    JoinResult result = join(JOIN, TODAY, HR_ROWS, AD_ACCOUNTS);

    assertThat(result.state().users()).extracting(u -> u.externalId().value()).containsExactly("E1", "E2", "E3", "E4");
    assertThat(result.usersPerSource()).containsEntry("hr", 5).containsEntry("ad", 5);
  }

  @Test
  void recordsThatDoNotJoinAreReportedWithTheirKeysAndRowsOrDnsAndHowTheyWereHandled() {
    JoinResult result = join(JOIN, TODAY, HR_ROWS, AD_ACCOUNTS);

    assertThat(result.unjoined()).extracting(SkippedEntry::reason).containsExactly(
        "key \"E2\" only in hr row:2, not in ad; synced from hr alone",
        "key \"E5\" only in ad CN=Kate,OU=Staff,DC=corp,DC=example, not in hr; skipped: every user must be in hr",
        "key \"E9\" only in ad CN=Ken,OU=Staff,DC=corp,DC=example, not in hr; skipped: every user must be in hr");
    assertThat(result.state().skipped()).containsAll(result.unjoined());
    assertThat(result.unjoined()).extracting(SkippedEntry::dn).contains("row:2", "CN=Ken,OU=Staff,DC=corp,DC=example");
  }

  @Test
  void withoutARequiredSourceEveryRecordIsSyncedFromTheSourcesItIsIn() {
    String anyone = JOIN.replace("require: [hr]", "require: []").replace("externalId: [hr]", "externalId: [hr, ad]");

    DesiredState state = join(anyone, TODAY, HR_ROWS, AD_ACCOUNTS).state();

    assertThat(state.users()).extracting(u -> u.externalId().value()).contains("E1", "E2", "g-9", "g-5");
    assertThat(user(state, "g-9").fields()).containsEntry("username", "ken");
  }

  @Test
  void aLeaverIsBlockedOnTheDayOfTheirEndDateNotBefore() {
    DesiredUser before = user(join(JOIN, TODAY, HR_ROWS, AD_ACCOUNTS).state(), "E3");
    DesiredUser onTheDay = user(join(JOIN, TODAY.plusDays(1), HR_ROWS, AD_ACCOUNTS).state(), "E3");
    DesiredUser after = user(join(JOIN, TODAY.plusDays(40), HR_ROWS, AD_ACCOUNTS).state(), "E3");

    assertThat(before.fields()).doesNotContainKey("blocked");
    assertThat(onTheDay.fields()).containsEntry("blocked", true);
    assertThat(after.fields()).containsEntry("blocked", true);
  }

  @Test
  void aLeavingStatusBlocksWhateverTheDate() {
    assertThat(user(join(JOIN, TODAY, HR_ROWS, AD_ACCOUNTS).state(), "E4").fields()).containsEntry("blocked", true);
    assertThat(user(join(JOIN, TODAY, HR_ROWS, AD_ACCOUNTS).state(), "E1").fields()).doesNotContainKey("blocked");
  }

  @Test
  void anEndDateThatIsNotADateSkipsThePersonAndKeepsTheirExternalIdSafeFromRemoval() {
    List<SourceEntry> rows = List.of(hr("1", "employee_id", "E1", "first_name", "Ada", "end_date", "2026-12-31"));

    DesiredState state = join(JOIN, TODAY, rows, List.of()).state();

    assertThat(state.users()).isEmpty();
    assertThat(state.skipped()).extracting(SkippedEntry::reason)
        .containsExactly("key \"E1\": end_date \"2026-12-31\" is not a date written dd.MM.yyyy; person skipped");
    assertThat(state.unmappedUsers()).containsExactly(ExternalId.of("E1"));
  }

  @Test
  void aKeyTwoAccountsShareIsAmbiguousAndThePersonIsSkipped() {
    List<SourceEntry> accounts = List.of(ad("Ada", "objectGuidText", "g-1", "employeeID", "E1", "sAMAccountName", "ada"),
        ad("Ada2", "objectGuidText", "g-2", "employeeID", "E1", "sAMAccountName", "ada2"));

    DesiredState state = join(JOIN, TODAY, HR_ROWS.subList(0, 1), accounts).state();

    assertThat(state.users()).isEmpty();
    assertThat(state.skipped()).extracting(SkippedEntry::reason).containsExactly("key \"E1\" is used by more than one entry in ad"
        + " (hr row:1, ad CN=Ada,OU=Staff,DC=corp,DC=example + CN=Ada2,OU=Staff,DC=corp,DC=example); person skipped");
    assertThat(state.unmappedUsers()).containsExactly(ExternalId.of("E1"));
  }

  @Test
  void anAccountThatCannotBeMappedHoldsThePersonBackInsteadOfSyncingHrAlone() {
    List<SourceEntry> accounts = List.of(ad("Ada", "employeeID", "E1", "sAMAccountName", "ada")); // no objectGuidText

    DesiredState state = join(JOIN, TODAY, HR_ROWS.subList(0, 1), accounts).state();

    assertThat(state.users()).isEmpty();
    assertThat(state.unmappedUsers()).containsExactly(ExternalId.of("E1"));
    assertThat(state.skipped()).extracting(SkippedEntry::reason)
        .contains("key \"E1\" has an entry that could not be mapped in ad (hr row:1, ad CN=Ada,OU=Staff,DC=corp,DC=example); person skipped");
  }

  @Test
  void theSourcesAskForTheJoinKeyAndTheLeaverAttributes() {
    JoinMapping mapping = mapping(JOIN);

    assertThat(mapping.attributes("hr", EntryKind.USER)).contains("employee_id", "end_date", "status", "first_name");
    assertThat(mapping.attributes("ad", EntryKind.USER)).contains("employeeid", "samaccountname").doesNotContain("end_date");
  }

  @Test
  void aJoinMappingNamingUnknownSourcesIsRefusedWithFileLineAndColumn() {
    String bad = """
        version: 1
        join:
          order: [hr, ad]
          require: [payroll]
          fields:
            email: [ad, ldap]
          colour: blue
        """;

    assertThatThrownBy(() -> mapping(bad)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("join.yaml:4:13: unknown source 'payroll' in join.require; the job's sources are [hr, ad]")
        .hasMessageContaining("join.yaml:6:17: unknown source 'ldap' in join.fields.email")
        .hasMessageContaining("join.yaml:7:3: unknown key 'colour' in join");
  }
}
