package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.SourceCheck;
import io.dirsync.source.SourceException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LdapSourceTest {
  private InMemoryLdap ldap;

  @BeforeEach
  void start() throws Exception {
    ldap = new InMemoryLdap("/source/small.ldif");
  }

  @AfterEach
  void stop() {
    ldap.close();
  }

  private static List<SourceEntry> read(LdapSourceConfig config, EntryKind kind) {
    try (LdapSource source = new LdapSource(config, Map.of())) {
      List<SourceEntry> out = new ArrayList<>();
      source.read(kind, out::add);
      return out;
    }
  }

  private static Map<String, SourceEntry> byDn(List<SourceEntry> entries) {
    return entries.stream().collect(Collectors.toMap(SourceEntry::dn, Function.identity()));
  }

  @Test
  void usersMatchingTheFilterAreReadWithLowerCaseAttributes() {
    List<SourceEntry> users = read(ldap.config(), EntryKind.USER);

    assertThat(users).extracting(SourceEntry::dn).containsExactlyInAnyOrder(
        "uid=alice,ou=People,dc=example,dc=org", "uid=bob,ou=People,dc=example,dc=org",
        "uid=carol,ou=People,dc=example,dc=org");
    SourceEntry carol = byDn(users).get("uid=carol,ou=People,dc=example,dc=org");
    assertThat(carol.kind()).isEqualTo(EntryKind.USER);
    assertThat(carol.first("cn")).isEqualTo("Carol 张");
    assertThat(carol.first("MAIL")).isEqualTo("carol@example.org");
  }

  @Test
  void onlyTheNeededAttributesAreRequested() {
    try (LdapSource source = new LdapSource(ldap.config(), Map.of(EntryKind.USER, Set.of("mail", "uid")))) {
      List<SourceEntry> users = new ArrayList<>();
      source.read(EntryKind.USER, users::add);
      assertThat(users.get(0).attributes().keySet()).containsExactlyInAnyOrder("mail", "uid", "objectclass");
    }
  }

  @Test
  void pagingDeliversEveryOneOfTenThousandEntriesExactlyOnceInPagesOf500() throws Exception {
    List<Entry> many = new ArrayList<>();
    many.add(new Entry("ou=Many,dc=example,dc=org", new com.unboundid.ldap.sdk.Attribute("objectClass", "organizationalUnit")));
    for (int i = 0; i < 10_000; i++) {
      Entry e = new Entry("uid=u" + i + ",ou=Many,dc=example,dc=org");
      e.addAttribute("objectClass", "inetOrgPerson");
      e.addAttribute("uid", "u" + i);
      e.addAttribute("sn", "S" + i);
      many.add(e);
    }
    // the server answers at most 1000 entries per search: only paging gets all 10,000
    try (InMemoryLdap limited = new InMemoryLdap("/source/small.ldif", 1000)) {
      limited.add(many);
      readsAllPaged(limited);
    }
  }

  private static void readsAllPaged(InMemoryLdap ldap) {
    LdapSourceConfig config = ldap.config();
    config = LdapSourceConfig.ldap(config.urls(), config.bindDn(), config.bindPassword(),
        new Users("ou=Many,dc=example,dc=org", Scope.ONE, "(objectClass=inetOrgPerson)"), null, null);

    try (LdapSource source = new LdapSource(config, Map.of(EntryKind.USER, Set.of("uid")))) {
      Set<String> seen = new java.util.HashSet<>();
      int[] count = {0};
      source.read(EntryKind.USER, e -> {
        count[0]++;
        seen.add(e.first("uid"));
      });
      assertThat(count[0]).isEqualTo(10_000);
      assertThat(seen).hasSize(10_000);
      assertThat(source.lastPages()).isEqualTo(20);
    }
  }

  @Test
  void nestedGroupsWithACycleResolveToTheirNonGroupMembersAsTheGroupsSpellThem() {
    Map<String, SourceEntry> groups = byDn(read(ldap.config(), EntryKind.GROUP));

    String alice = "uid=alice,ou=People,dc=example,dc=org";
    String bob = "UID=Bob, OU=people,DC=Example,DC=ORG"; // the mapping joins it to uid=bob,… by DN key
    String printer = "cn=printer,ou=People,dc=example,dc=org"; // no user: it joins nobody
    assertThat(groups.keySet()).containsExactlyInAnyOrder("cn=devs,ou=Groups,dc=example,dc=org",
        "cn=ops,ou=Groups,dc=example,dc=org", "cn=readers,ou=Groups,dc=example,dc=org");
    SourceEntry devs = groups.get("cn=devs,ou=Groups,dc=example,dc=org");
    assertThat(devs.kind()).isEqualTo(EntryKind.GROUP);
    assertThat(devs.members()).containsExactlyInAnyOrder(alice, bob, printer);
    assertThat(devs.first("description")).isEqualTo("Developers");
    assertThat(devs.values("member")).isEmpty();
    assertThat(groups.get("cn=ops,ou=Groups,dc=example,dc=org").members()).containsExactlyInAnyOrder(alice, bob, printer);
  }

  @Test
  void uniqueMemberGroupsAreReadWhenConfigured() {
    LdapSourceConfig c = ldap.config();
    LdapSourceConfig config = LdapSourceConfig.ldap(c.urls(), c.bindDn(), c.bindPassword(), c.users(),
        new Groups("ou=Groups,dc=example,dc=org", Scope.SUB, "(objectClass=groupOfUniqueNames)", "uniqueMember", false),
        null);

    assertThat(read(config, EntryKind.GROUP)).singleElement()
        .satisfies(g -> assertThat(g.members()).containsExactly("uid=carol,ou=People,dc=example,dc=org"));
  }

  @Test
  void groupsAreMadeUpFromMemberOfWhenNoGroupBaseIsConfigured() {
    LdapSourceConfig c = ldap.config();
    LdapSourceConfig config = LdapSourceConfig.ldap(c.urls(), c.bindDn(), c.bindPassword(), c.users(),
        new Groups(null, Scope.SUB, null, "member", true), null);

    Map<String, SourceEntry> groups = byDn(read(config, EntryKind.GROUP));

    assertThat(groups).containsOnlyKeys("cn=devs,ou=Groups,dc=example,dc=org", "cn=ops,ou=Groups,dc=example,dc=org");
    SourceEntry devs = groups.get("cn=devs,ou=Groups,dc=example,dc=org");
    assertThat(devs.first("cn")).isEqualTo("devs");
    assertThat(devs.members()).containsExactly("uid=alice,ou=People,dc=example,dc=org");
  }

  @Test
  void everyOuBelowTheDepartmentBaseIsADepartmentButTheBaseIsNot() {
    List<SourceEntry> departments = read(ldap.config(), EntryKind.DEPARTMENT);

    assertThat(departments).extracting(SourceEntry::dn).containsExactlyInAnyOrder(
        "ou=Engineering,ou=Departments,dc=example,dc=org",
        "ou=Platform,ou=Engineering,ou=Departments,dc=example,dc=org",
        "ou=Sales,ou=Departments,dc=example,dc=org");
    assertThat(departments).allSatisfy(d -> assertThat(d.kind()).isEqualTo(EntryKind.DEPARTMENT));
    assertThat(byDn(departments).get("ou=Engineering,ou=Departments,dc=example,dc=org").first("description"))
        .isEqualTo("All engineers");
  }

  @Test
  void departmentsCanBeMadeUpFromAUserAttribute() {
    LdapSourceConfig c = ldap.config();
    LdapSourceConfig config = LdapSourceConfig.ldap(c.urls(), c.bindDn(), c.bindPassword(), c.users(), null,
        new LdapSourceConfig.Departments(null, Scope.SUB, null, "title"));

    assertThat(read(config, EntryKind.DEPARTMENT)).singleElement().satisfies(d -> {
      assertThat(d.dn()).isEqualTo("Engineer");
      assertThat(d.first("ou")).isEqualTo("Engineer");
    });
  }

  @Test
  void checkSaysWhereItConnectedAndHowManyUsersMatch() {
    try (LdapSource source = new LdapSource(ldap.config(), Map.of())) {
      SourceCheck check = source.check();
      assertThat(check.ok()).isTrue();
      assertThat(check.steps()).containsExactly(
          "connected to " + ldap.url() + " (no TLS)",
          "bound as " + InMemoryLdap.ADMIN,
          "3 users match (objectClass=inetOrgPerson) under ou=People,dc=example,dc=org");
    }
  }

  @Test
  void aBadFilterIsAConfigurationError() {
    LdapSourceConfig c = ldap.config();
    LdapSourceConfig config = LdapSourceConfig.ldap(c.urls(), c.bindDn(), c.bindPassword(),
        new Users("ou=People,dc=example,dc=org", Scope.SUB, "(objectClass=inetOrgPerson"), null, null);

    assertThatThrownBy(() -> read(config, EntryKind.USER))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.CONFIGURATION))
        .hasMessageContaining("users search under ou=People,dc=example,dc=org")
        .hasMessageContaining("(objectClass=inetOrgPerson is not valid");
  }

  @Test
  void aMissingBaseDnIsAConfigurationError() {
    LdapSourceConfig c = ldap.config();
    LdapSourceConfig config = LdapSourceConfig.ldap(c.urls(), c.bindDn(), c.bindPassword(),
        new Users("ou=Nobody,dc=example,dc=org", Scope.SUB, "(objectClass=*)"), null, null);

    assertThatThrownBy(() -> read(config, EntryKind.USER))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.CONFIGURATION))
        .hasMessageContaining("ou=Nobody,dc=example,dc=org").hasMessageContaining("base DN");
  }

  @Test
  void aWrongPasswordIsAnAuthenticationErrorThatDoesNotShowThePassword() {
    LdapSourceConfig config = ldap.config().withBind(InMemoryLdap.ADMIN, new Secret("wrong-Pa55word"));

    assertThatThrownBy(() -> read(config, EntryKind.USER))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTHENTICATION))
        .hasMessageContaining(InMemoryLdap.ADMIN)
        .hasMessageNotContaining("wrong-Pa55word");
  }

  @Test
  void aRefusedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LdapSourceConfig config = ldap.config().withUrls(List.of("ldap://127.0.0.1:" + port));

    assertThatThrownBy(() -> read(config, EntryKind.USER))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
        .hasMessageContaining("ldap://127.0.0.1:" + port).hasMessageContaining("refused");
  }

  @Test
  void anUnknownHostIsUnreachable() {
    LdapSourceConfig config = ldap.config().withUrls(List.of("ldap://no-such-host.invalid:389"));

    assertThatThrownBy(() -> read(config, EntryKind.USER))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
        .hasMessageContaining("no-such-host.invalid");
  }

  @Test
  void theNextServerIsUsedWhenTheFirstIsDown() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LdapSourceConfig config = ldap.config().withUrls(List.of("ldap://127.0.0.1:" + port, ldap.url()));
    try (LdapSource source = new LdapSource(config, Map.of())) {
      assertThat(source.check().steps()).first().isEqualTo("connected to " + ldap.url() + " (no TLS)");
    }
  }
}
