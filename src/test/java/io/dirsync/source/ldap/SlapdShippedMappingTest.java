package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import io.dirsync.apply.Applier;
import io.dirsync.apply.ApplySettings;
import io.dirsync.apply.RetryingReads;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.EntryKind;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import io.dirsync.sync.SyncJob;
import io.dirsync.sync.SyncListener;
import io.dirsync.sync.SyncRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code mappings/openldap-inetorgperson.yaml} against a real slapd: departments and
 * groups keyed by entryUUID, so renaming an OU or a group is one update and keeps every membership.
 */
class SlapdShippedMappingTest {
  @RegisterExtension static final Slapd SLAPD = new Slapd(fixture());

  private static final Mapping MAPPING = MappingLoader.load(Path.of("mappings/openldap-inetorgperson.yaml"), Map.of());

  @TempDir Path dir;

  private static String fixture() {
    String people = "ou=People," + Slapd.BASE;
    return "dn: " + people + "\nobjectClass: organizationalUnit\nou: People\n\n"
        + "dn: ou=Groups," + Slapd.BASE + "\nobjectClass: organizationalUnit\nou: Groups\n\n"
        + "dn: ou=Engineering," + people + "\nobjectClass: organizationalUnit\nou: Engineering\n\n"
        + "dn: ou=Backend,ou=Engineering," + people + "\nobjectClass: organizationalUnit\nou: Backend\n\n"
        + person("ann", "ou=Backend,ou=Engineering," + people) + person("bob", "ou=Engineering," + people)
        + "dn: cn=devs,ou=Groups," + Slapd.BASE + "\nobjectClass: groupOfNames\ncn: devs\n"
        + "member: uid=ann,ou=Backend,ou=Engineering," + people + "\nmember: uid=bob,ou=Engineering," + people + "\n\n";
  }

  private static String person(String uid, String parent) {
    return "dn: uid=" + uid + "," + parent + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + uid + "\nsn: " + uid
        + "\nmail: " + uid + "@example.org\n\n";
  }

  private SyncRun run(InMemoryDirectory directory, StateStore state) {
    String base = Slapd.BASE;
    LdapSourceConfig config = LdapSourceConfig.ldap(List.of(SLAPD.url()), Slapd.READER_DN, new Secret(Slapd.READER_PASSWORD),
        new Users("ou=People," + base, Scope.SUB, "(objectClass=inetOrgPerson)"),
        new Groups("ou=Groups," + base, Scope.SUB, "(objectClass=groupOfNames)", "member", false),
        new Departments("ou=People," + base, Scope.SUB, null, null));
    Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) needed.put(kind, MAPPING.attributes(kind));
    ApplySettings settings = new ApplySettings(2, 0, 3, Duration.ofMillis(1), Duration.ofMillis(8), 0.5, 7L);
    Clock clock = Clock.systemUTC();
    return new SyncRun(new SyncJob("ldap", RemovalAction.BLOCK, new GuardPolicy(50, 50, false), 2), new LdapSource(config, needed),
        MAPPING, directory, state, new Applier(directory, state, settings, clock), new RetryingReads(directory, settings), clock);
  }

  @Test
  void renamingAnOuOrAGroupIsOneUpdateAndKeepsEveryMembership() throws Exception {
    InMemoryDirectory directory = new InMemoryDirectory();
    try (StateStore state = StateStores.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), null, null, null)) {
      assertThat(run(directory, state).run(false, false, SyncListener.NONE).outcome()).isEqualTo(RunOutcome.SUCCESS);
      String backend = directory.listDepartments().stream().filter(d -> d.name().equals("Backend")).findFirst().orElseThrow().code();
      String devs = directory.listGroups().get(0).code();
      assertThat(backend).matches("[0-9a-f-]{36}");
      assertThat(devs).matches("[0-9a-f-]{36}");
      try (LDAPConnection c = new LDAPConnection("127.0.0.1", Integer.parseInt(SLAPD.url().replaceAll(".*:", "")),
          Slapd.ROOT_DN, "root-Pa55")) {
        c.modifyDN("ou=Backend,ou=Engineering,ou=People," + Slapd.BASE, "ou=Platform", true);
        c.modifyDN("cn=devs,ou=Groups," + Slapd.BASE, "cn=developers", true);
        // what the refint overlay does on a production slapd (this test instance runs without it)
        c.modify("cn=developers,ou=Groups," + Slapd.BASE, new com.unboundid.ldap.sdk.Modification(
            com.unboundid.ldap.sdk.ModificationType.REPLACE, "member",
            "uid=ann,ou=Platform,ou=Engineering,ou=People," + Slapd.BASE, "uid=bob,ou=Engineering,ou=People," + Slapd.BASE));
      }

      Plan plan = run(directory, state).plan(SyncListener.NONE);

      assertThat(plan.operations()).singleElement().isInstanceOfSatisfying(Operation.UpdateDepartment.class,
          u -> assertThat(u.code()).isEqualTo(backend));
      assertThat(run(directory, state).run(false, false, SyncListener.NONE).outcome()).isEqualTo(RunOutcome.SUCCESS);
      assertThat(directory.listDepartments()).extracting(DirectoryDepartment::name).contains("Platform").doesNotContain("Backend");
      assertThat(directory.usersByExternalId().values()).allSatisfy(u -> assertThat(u.groups()).containsExactly(devs));
      assertThat(directory.usersByExternalId().values()).filteredOn(u -> "ann".equals(u.field("username")))
          .singleElement().satisfies(u -> assertThat(u.mainDepartment()).isEqualTo(backend));
    }
  }
}
