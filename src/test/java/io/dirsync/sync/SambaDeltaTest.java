package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
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
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.source.ldap.LdapSource;
import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import io.dirsync.testing.SambaDc;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta sync against a real Active Directory (a Samba AD DC) with the shipped mapping: after a full
 * run, runs read only the users whose {@code uSNChanged} passed the saved {@code highestCommittedUSN}
 * (added, modified, disabled by userAccountControl, moved between OUs), users reported deleted by
 * their tombstones (show-deleted control), and users whose group membership changed, nested groups
 * too (found by comparing the groups read whole); a quiet run calls the directory not at all; the
 * deltas and one full run end in the same pool; a position from another DC means a full run.
 */
class SambaDeltaTest {
  @RegisterExtension static final SambaDc DC = new SambaDc("");

  private static final Mapping MAPPING = MappingLoader.load(Path.of("mappings/active-directory.yaml"), Map.of());

  @TempDir Path dir;
  private final InMemoryDirectory directory = new InMemoryDirectory();
  private StateStore state;
  private String root;

  @AfterEach
  void closeState() {
    if (state != null) state.close();
  }

  /** OU=NAME with OU=A {ann, bob}, OU=B {carl}, OU=Groups {Finance {ann}, VPN-Users {Finance, bob}}. */
  private void tree(String name) throws Exception {
    root = "OU=" + name + "," + SambaDc.BASE;
    try (LDAPConnection c = DC.connect()) {
      for (String ou : List.of(root, "OU=A," + root, "OU=B," + root, "OU=Groups," + root)) {
        c.add("dn: " + ou, "objectClass: organizationalUnit", "ou: " + ou.substring(3, ou.indexOf(',')));
      }
      user(c, name, "ann", "A");
      user(c, name, "bob", "A");
      user(c, name, "carl", "B");
      c.add("dn: CN=Finance,OU=Groups," + root, "objectClass: group", "sAMAccountName: " + name + "-finance",
          "member: CN=ann,OU=A," + root);
      c.add("dn: CN=VPN-Users,OU=Groups," + root, "objectClass: group", "sAMAccountName: " + name + "-vpn",
          "member: CN=Finance,OU=Groups," + root, "member: CN=bob,OU=A," + root);
    }
    state = StateStores.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), null, null, null);
  }

  private void user(LDAPConnection c, String prefix, String cn, String ou) throws Exception {
    c.add("dn: CN=" + cn + ",OU=" + ou + "," + root, "objectClass: user", "sAMAccountName: " + prefix + "-" + cn,
        "mail: " + prefix + "-" + cn + "@example.org", "userAccountControl: 544");
  }

  private SyncRun run(InMemoryDirectory target, StateStore store) {
    LdapSourceConfig config = LdapSourceConfig.ldap(List.of(SambaDc.URL), SambaDc.ADMIN, new Secret(SambaDc.PASSWORD),
        new Users(root, Scope.SUB, "(&(objectCategory=person)(objectClass=user))"),
        new Groups(root, Scope.SUB, "(objectClass=group)", "member", false), new Departments(root, Scope.SUB, null, null))
        .withActiveDirectory(true).withDelta(new LdapSourceConfig.Delta(Duration.ofHours(24)));
    Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) needed.put(kind, MAPPING.attributes(kind));
    ApplySettings settings = new ApplySettings(4, 0, 3, Duration.ofMillis(1), Duration.ofMillis(8), 0.5, 7L);
    Clock clock = Clock.systemUTC();
    LdapSource source = new LdapSource(config, needed);
    return new SyncRun(new SyncJob("ad", RemovalAction.BLOCK, new GuardPolicy(50, 50, false), 4), source, MAPPING,
        new DeltaSettings(source.delta(), Duration.ofHours(24), "test"), target, store, new Applier(target, store, settings, clock),
        new RetryingReads(target, settings), clock);
  }

  private RunReport sync() {
    RunReport report = run(directory, state).run(false, false, SyncListener.NONE);
    assertThat(report.outcome()).as(report.message() + " " + report.failures()).isEqualTo(RunOutcome.SUCCESS);
    return report;
  }

  private DirectoryUser user(String account) {
    return directory.usersByExternalId().values().stream().filter(u -> account.equals(u.field("username"))).findFirst()
        .orElseThrow(() -> new AssertionError("no user " + account));
  }

  private String group(String name) {
    return directory.listGroups().stream().filter(g -> g.name().equals(name)).map(DirectoryGroup::code).findFirst().orElseThrow();
  }

  private String department(String name) {
    return directory.listDepartments().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().code();
  }

  @Test
  void deltaRunsFollowAdAndEndInTheSamePoolAsAFullRun() throws Exception {
    tree("s1");
    assertThat(sync().message()).contains("full run: no saved position");
    String finance = group("Finance");
    String vpn = group("VPN-Users");
    assertThat(user("s1-ann").groups()).containsExactlyInAnyOrder(finance, vpn);

    RunReport quiet = sync();
    assertThat(quiet.message()).contains("delta run: 0 changed user(s) read, 0 read again for a group change, 0 gone");
    assertThat(quiet.totalApiCalls()).as("a quiet delta calls the directory not at all").isZero();

    try (LDAPConnection c = DC.connect()) {
      user(c, "s1", "dan", "B");                                                                      // add
      c.modify("CN=bob,OU=A," + root, new Modification(ModificationType.REPLACE, "mail", "robert@example.org")); // modify
      c.modify("CN=carl,OU=B," + root, new Modification(ModificationType.REPLACE, "userAccountControl", "546")); // disable
    }
    RunReport first = sync();
    assertThat(first.message()).contains("delta run: 3 changed user(s) read");
    assertThat(user("s1-dan").departments()).containsExactly(department("B"));
    assertThat(user("s1-bob").field("email")).isEqualTo("robert@example.org");
    assertThat(user("s1-carl").blocked()).as("disabled in AD: blocked by the next delta").isTrue();
    assertThat(user("s1-ann").blocked()).isFalse();

    try (LDAPConnection c = DC.connect()) {
      c.delete("CN=bob,OU=A," + root);                                                                 // delete
      c.modifyDN("CN=ann,OU=A," + root, "CN=ann", true, "OU=B," + root);                              // move
      c.modify("CN=Finance,OU=Groups," + root, new Modification(ModificationType.ADD, "member", "CN=dan,OU=B," + root));
    }
    RunReport second = sync();
    assertThat(second.message()).contains("delta run: 1 changed user(s) read, 1 read again for a group change, 1 gone");
    assertThat(user("s1-bob").blocked()).as("deleted in AD: blocked").isTrue();
    assertThat(user("s1-ann").departments()).containsExactly(department("B"));
    assertThat(user("s1-ann").groups()).containsExactlyInAnyOrder(finance, vpn);
    assertThat(user("s1-dan").groups()).as("dan joined Finance, and through it VPN-Users").containsExactlyInAnyOrder(finance, vpn);

    try (LDAPConnection c = DC.connect()) {                                                             // nested membership leaves
      c.modify("CN=VPN-Users,OU=Groups," + root, new Modification(ModificationType.DELETE, "member", "CN=Finance,OU=Groups," + root));
    }
    assertThat(sync().message()).contains("delta run: 0 changed user(s) read, 2 read again for a group change");
    assertThat(user("s1-ann").groups()).containsExactly(finance);
    assertThat(user("s1-dan").groups()).containsExactly(finance);

    Plan full = run(directory, state).plan(SyncListener.NONE, true);
    assertThat(full.operations()).as("a full run after the deltas finds nothing to do").isEmpty();
    InMemoryDirectory fresh = new InMemoryDirectory();
    try (StateStore other = StateStores.open("jdbc:h2:file:" + dir.resolve("other").toAbsolutePath(), null, null, null)) {
      assertThat(run(fresh, other).run(false, false, SyncListener.NONE).outcome()).isEqualTo(RunOutcome.SUCCESS);
    }
    assertThat(active(directory)).isEqualTo(active(fresh));
  }

  private static Map<String, String> active(InMemoryDirectory target) {
    Map<String, String> out = new TreeMap<>();
    target.usersByExternalId().values().stream().filter(u -> !u.blocked()).forEach(u -> out.put(u.externalId().value(),
        new TreeMap<>(u.fields()) + "" + new java.util.TreeSet<>(u.groups()) + u.departments() + u.mainDepartment()));
    return out;
  }

  @Test
  void aPositionFromAnotherDomainControllerMeansAFullRun() throws Exception {
    tree("s2");
    sync();
    assertThat(sync().message()).contains("delta run:");
    String mark = state.watermark("ad", "delta").orElseThrow();
    assertThat(mark).contains("server=ad%3Acn%3Dntds+settings");
    state.saveWatermark("ad", "delta", mark.replaceFirst("server=[^&]*", "server=ad%3Acn%3Dntds+settings%2Ccn%3Ddc2%2311"));

    RunReport failover = sync();

    assertThat(failover.message()).contains("full run: the server did not accept the saved position");
    assertThat(directory.usersByExternalId().values()).noneMatch(DirectoryUser::blocked);
    assertThat(sync().message()).contains("delta run:");
  }
}
