package io.dirsync.source.ldif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.SourceException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdifSourceTest {
  private static final String BASE = "dc=example,dc=org";

  private static Path resource(String name) {
    try {
      return Path.of(LdifSourceTest.class.getResource("/source/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LdapSourceConfig config() {
    return LdapSourceConfig.ldap(List.of(), null, null,
        new Users("ou=People," + BASE, Scope.SUB, "(objectClass=inetOrgPerson)"),
        new Groups("ou=Groups," + BASE, Scope.SUB, "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))",
            "member", false),
        new Departments("ou=Departments," + BASE, Scope.SUB, null, null));
  }

  private static List<SourceEntry> read(String file, EntryKind kind) {
    try (LdifSource source = new LdifSource(config(), List.of(resource(file)))) {
      List<SourceEntry> out = new ArrayList<>();
      source.read(kind, out::add);
      return out;
    }
  }

  @Test
  void theEmbeddedDemoSourceReadsWhatAnLdapServerLoadedFromTheFileReturns() {
    LdapSourceConfig config = config();
    try (io.dirsync.source.ldap.EmbeddedDemoLdap server = io.dirsync.source.ldap.EmbeddedDemoLdap.start(List.of(resource("small.ldif")));
        io.dirsync.source.ldap.LdapSource ldap = new io.dirsync.source.ldap.LdapSource(
            config.withUrls(List.of(server.url())).withBind(server.bindDn(), new io.dirsync.config.Secret(server.bindPassword())),
            java.util.Map.of());
        LdifSource embedded = LdifSource.searchedLike(config, List.of(resource("small.ldif")))) {
      for (EntryKind kind : EntryKind.values()) {
        List<String> overLdap = new ArrayList<>();
        ldap.read(kind, e -> overLdap.add(described(e)));
        List<String> fromFile = new ArrayList<>();
        embedded.read(kind, e -> fromFile.add(described(e)));
        assertThat(fromFile).as(kind.name()).isNotEmpty().containsExactlyInAnyOrderElementsOf(overLdap);
      }
    }
  }

  /** DN, attributes (less those the in-memory server adds: it has no schema to call them operational) and members. */
  private static String described(SourceEntry e) {
    java.util.Map<String, List<String>> attributes = new java.util.TreeMap<>(e.attributes());
    attributes.keySet().removeAll(java.util.Set.of("entrydn", "entryuuid", "creatorsname", "createtimestamp",
        "modifiersname", "modifytimestamp", "subschemasubentry"));
    return e.dn() + " " + attributes + " " + e.members();
  }

  @Test
  void theEmbeddedDemoSourceAppliesTheFilterAloneWithoutClassifyingEntries() {
    LdapSourceConfig config = LdapSourceConfig.ldap(List.of(), null, null,
        new Users("ou=Departments," + BASE, Scope.SUB, "(objectClass=organizationalUnit)"), null, null);
    List<String> searched = new ArrayList<>();
    try (LdifSource source = LdifSource.searchedLike(config, List.of(resource("small.ldif")))) {
      source.read(EntryKind.USER, e -> searched.add(e.dn()));
    }
    List<String> classified = new ArrayList<>();
    try (LdifSource source = new LdifSource(config, List.of(resource("small.ldif")))) {
      source.read(EntryKind.USER, e -> classified.add(e.dn()));
    }
    assertThat(classified).isEmpty(); // an OU is no person
    assertThat(searched).isNotEmpty().allMatch(dn -> dn.startsWith("ou="));
  }

  @Test
  void personsUnderTheUserBaseAreUsers() {
    List<SourceEntry> users = read("small.ldif", EntryKind.USER);

    assertThat(users).extracting(SourceEntry::dn).containsExactly("uid=alice,ou=People,dc=example,dc=org",
        "uid=bob,ou=People,dc=example,dc=org", "uid=carol,ou=People,dc=example,dc=org");
    assertThat(users.get(2).first("cn")).isEqualTo("Carol 张");
  }

  @Test
  void groupsHaveTheirNestedNonGroupMembers() {
    List<SourceEntry> groups = read("small.ldif", EntryKind.GROUP);

    assertThat(groups).extracting(SourceEntry::dn).containsExactly("cn=devs,ou=Groups,dc=example,dc=org",
        "cn=ops,ou=Groups,dc=example,dc=org", "cn=readers,ou=Groups,dc=example,dc=org");
    assertThat(groups.get(1).members()).containsExactlyInAnyOrder("uid=alice,ou=People,dc=example,dc=org",
        "UID=Bob, OU=people,DC=Example,DC=ORG", "cn=printer,ou=People,dc=example,dc=org");
  }

  @Test
  void organizationalUnitsBelowTheDepartmentBaseAreDepartments() {
    assertThat(read("small.ldif", EntryKind.DEPARTMENT)).extracting(SourceEntry::dn).containsExactly(
        "ou=Engineering,ou=Departments,dc=example,dc=org",
        "ou=Platform,ou=Engineering,ou=Departments,dc=example,dc=org", "ou=Sales,ou=Departments,dc=example,dc=org");
  }

  @Test
  void aMalformedFileIsReportedWithItsNameAndLine() {
    assertThatThrownBy(() -> read("malformed.ldif", EntryKind.USER))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.CONFIGURATION))
        .hasMessageContaining("malformed.ldif line 9:");
  }

  @Test
  void aMissingFileFailsTheCheck() {
    try (LdifSource source = new LdifSource(config(), List.of(Path.of("no/such/file.ldif")))) {
      assertThat(source.check().ok()).isFalse();
      assertThat(source.check().steps()).last().asString().contains("no/such/file.ldif");
    }
  }
}
