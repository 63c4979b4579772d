package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Users mapped on worker threads give exactly what mapping them one by one gives. */
class ParallelSessionTest {
  private static final String MAPPING = """
      users:
        include: "has(objectClass, 'person')"
        exclude: "uid == 'admin'"
        externalId: employeeNumber
        fields:
          username: uid
          email: {from: mail, required: true}
          phone: {from: mobile, transforms: [{phone: CN}]}
        customData:
          title: {from: title, type: string}
      groups:
        createMissing: true
        fromEntries:
          code: {from: cn, transforms: [lower]}
          name: cn
        fromAttribute:
          attribute: department
          code: {from: value, transforms: [slugify]}
          name: value
      departments:
        fromEntries:
          base: ou=Org,dc=x
          code: {from: ouPath, transforms: [slugify]}
      """;

  @Test
  void workersGiveTheSameUsersSkipsAndJoinsAsOneByOne() {
    List<SourceEntry> entries = entries(3000);

    DesiredState oneByOne = map(1, entries);
    DesiredState parallel = map(4, entries);

    assertThat(oneByOne.users()).hasSize(2100);
    assertThat(oneByOne.skipped()).hasSize(600); // 300 without mail, 150 bad phones, 150 duplicate ids
    assertThat(oneByOne.users().get(0).groups()).isNotEmpty();
    assertThat(parallel.users()).isEqualTo(oneByOne.users());
    assertThat(parallel.skipped()).isEqualTo(oneByOne.skipped()); // same order: source order
    assertThat(parallel.groups()).isEqualTo(oneByOne.groups());
    assertThat(parallel.departments()).isEqualTo(oneByOne.departments());
    assertThat(parallel.unmappedUsers()).isEqualTo(oneByOne.unmappedUsers());
  }

  @Test
  void aGroupArrivingAmongUsersJoinsTheUsersBeforeAndAfterIt() {
    List<SourceEntry> entries = new ArrayList<>();
    for (int i = 0; i < 500; i++) entries.add(user(i, "u" + i + "@x.org", "+86 138 0013 " + String.format("%04d", i)));
    entries.add(new SourceEntry(EntryKind.GROUP, "cn=Late,dc=x", Map.of("cn", List.of("Late")), Map.of(),
        List.of("uid=u0,ou=Team 0,ou=Org,dc=x", "UID=u499, OU=Team 4,OU=Org,DC=x", "uid=u700,ou=Team 0,ou=Org,dc=x")));
    for (int i = 500; i < 1000; i++) entries.add(user(i, "u" + i + "@x.org", null));

    DesiredState state = map(4, entries);

    assertThat(state.users()).hasSize(1000);
    assertThat(state.users()).filteredOn(u -> u.groups().contains("late")).extracting(u -> u.externalId().value())
        .containsExactlyInAnyOrder("e0", "e499", "e700");
  }

  private static DesiredState map(int workers, List<SourceEntry> entries) {
    CompiledMapping mapping = (CompiledMapping) MappingLoader.parse("parallel.yaml", MAPPING);
    MappingSession session = mapping.newSession(workers);
    entries.forEach(session::accept);
    return session.finish();
  }

  /** Departments, then groups, then users of which some fail, some repeat an externalId, some are out of scope. */
  private static List<SourceEntry> entries(int users) {
    List<SourceEntry> out = new ArrayList<>();
    out.add(SourceEntry.of(EntryKind.DEPARTMENT, "ou=Org,dc=x", Map.of("ou", List.of("Org"))));
    for (int t = 0; t < 5; t++) {
      out.add(SourceEntry.of(EntryKind.DEPARTMENT, "ou=Team " + t + ",ou=Org,dc=x", Map.of("ou", List.of("Team " + t))));
    }
    for (int g = 0; g < 7; g++) {
      List<String> members = new ArrayList<>();
      for (int i = g; i < users; i += 7) members.add(dn(i));
      out.add(new SourceEntry(EntryKind.GROUP, "cn=G" + g + ",dc=x", Map.of("cn", List.of("G" + g)), Map.of(), members));
    }
    for (int i = 0; i < users; i++) {
      if (i % 10 == 3) out.add(user(i, null, null));                       // required mail missing: skipped
      else if (i % 20 == 5) out.add(user(i, "u" + i + "@x.org", "12"));    // not a phone number: skipped
      else if (i % 20 == 7) out.add(user(i - 1, "u" + i + "@x.org", null)); // externalId of the user before: skipped
      else if (i % 10 == 9) out.add(outOfScope(i));
      else out.add(user(i, "u" + i + "@x.org", "+86 138 0013 " + String.format("%04d", i)));
    }
    return out;
  }

  private static String dn(int i) {
    return "uid=u" + i + ",ou=Team " + i % 5 + ",ou=Org,dc=x";
  }

  private static SourceEntry user(int i, String mail, String mobile) {
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("objectClass", List.of("person"));
    a.put("uid", List.of("u" + i));
    a.put("employeeNumber", List.of("e" + i));
    if (mail != null) a.put("mail", List.of(mail));
    if (mobile != null) a.put("mobile", List.of(mobile));
    a.put("title", List.of("Title " + i % 3));
    a.put("department", List.of("Dept " + i % 4));
    return SourceEntry.of(EntryKind.USER, dn(i), a);
  }

  private static SourceEntry outOfScope(int i) {
    return SourceEntry.of(EntryKind.USER, dn(i), Map.of("objectClass", List.of("device"), "uid", List.of("u" + i)));
  }
}
