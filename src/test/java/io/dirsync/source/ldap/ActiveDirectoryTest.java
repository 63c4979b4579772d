package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Active Directory's peculiarities, emulated on the in-memory server. */
class ActiveDirectoryTest {
  private static final String USERS = "cn=Users,dc=example,dc=org";
  private static final String GUID = "1f2e3d4c-5b6a-7988-90a1-b2c3d4e5f607";
  private static final String SID = "S-1-5-21-3623811015-3361044348-30300820-1013";

  private static LdapSourceConfig adConfig(InMemoryLdap ldap) {
    return LdapSourceConfig.ldap(List.of(ldap.url()), InMemoryLdap.ADMIN, new Secret(InMemoryLdap.PASSWORD),
            new Users(USERS, Scope.SUB, "(&(objectCategory=person)(objectClass=user))"),
            new Groups(USERS, Scope.SUB, "(objectClass=group)", "member", false), null)
        .withActiveDirectory(true);
  }

  private static Entry user(String name) {
    Entry e = new Entry("CN=" + name + "," + USERS);
    e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
    e.addAttribute("objectCategory", "person");
    e.addAttribute("sAMAccountName", name);
    e.addAttribute("userAccountControl", "512");
    e.addAttribute("accountExpires", "9223372036854775807");
    e.addAttribute("whenChanged", "20240131235959.0Z");
    return e;
  }

  private static List<Entry> container() {
    List<Entry> out = new ArrayList<>();
    out.add(new Entry(USERS, new Attribute("objectClass", "container"), new Attribute("cn", "Users")));
    return out;
  }

  @Test
  void objectGuidAndObjectSidComeAsTextAndAsBytes() throws Exception {
    try (InMemoryLdap ldap = new InMemoryLdap(null)) {
      ldap.add(List.of(new Entry("dc=example,dc=org", new Attribute("objectClass", "domain"))));
      Entry ann = user("Ann");
      ann.addAttribute("objectGUID", AdValues.guidToBytes(GUID));
      ann.addAttribute("objectSid", AdValues.sidToBytes(SID));
      List<Entry> entries = container();
      entries.add(ann);
      ldap.add(entries);

      List<SourceEntry> users = new ArrayList<>();
      try (LdapSource source = new LdapSource(adConfig(ldap), Map.of(EntryKind.USER, Set.of("sAMAccountName", "accountExpires", "whenChanged")))) {
        source.read(EntryKind.USER, users::add);
      }

      SourceEntry read = users.get(0);
      assertThat(read.first("objectguid")).isEqualTo(GUID);
      assertThat(read.first("objectsid")).isEqualTo(SID);
      assertThat(read.binaryValues("objectGUID")).singleElement().isEqualTo(AdValues.guidToBytes(GUID));
      assertThat(read.binaryValues("objectSid")).singleElement().isEqualTo(AdValues.sidToBytes(SID));
      assertThat(read.first("userAccountControl")).isEqualTo("512");
      assertThat(read.first("accountexpires")).isEqualTo("9223372036854775807");
      assertThat(read.first("whenchanged")).isEqualTo("20240131235959.0Z");
    }
  }

  @Test
  void groupsLargerThanTheServersValueLimitComeBackWhole() throws Exception {
    AdRangeInterceptor ranges = new AdRangeInterceptor(1000);
    try (InMemoryLdap ldap = new InMemoryLdap(null, ranges)) {
      ldap.add(List.of(new Entry("dc=example,dc=org", new Attribute("objectClass", "domain"))));
      List<Entry> entries = container();
      Entry big = new Entry("CN=All Staff," + USERS);
      big.addAttribute("objectClass", "top", "group");
      big.addAttribute("cn", "All Staff");
      List<String> members = new ArrayList<>();
      for (int i = 0; i < 3500; i++) {
        entries.add(user("u" + i));
        members.add("cn=U" + i + "," + USERS.toLowerCase());
      }
      big.addAttribute("member", members);
      entries.add(big);
      ldap.add(entries);

      List<SourceEntry> groups = new ArrayList<>();
      try (LdapSource source = new LdapSource(adConfig(ldap), Map.of())) {
        source.read(EntryKind.GROUP, groups::add);
      }

      SourceEntry group = groups.get(0);
      assertThat(group.members()).hasSize(3500).doesNotHaveDuplicates()
          .contains("cn=U0," + USERS.toLowerCase(), "cn=U3499," + USERS.toLowerCase());
      assertThat(ranges.rangedRequests.get()).isEqualTo(3); // 1000-*, 2000-*, 3000-*
    }
  }
}
