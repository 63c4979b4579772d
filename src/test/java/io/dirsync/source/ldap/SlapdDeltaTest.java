package io.dirsync.source.ldap;

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
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import io.dirsync.sync.DeltaSettings;
import io.dirsync.sync.SyncJob;
import io.dirsync.sync.SyncListener;
import io.dirsync.sync.SyncRun;
import io.dirsync.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Delta sync against a real slapd with the syncprov overlay (RFC 4533 refreshOnly): after a full
 * run, runs read only what changed (adds, modifications, disables, deletes, moves, group membership
 * changes including nested groups) and end in the same pool as a full run; a quiet run calls the
 * directory not at all; unseen users are never removed; {@code --full}, the reconciliation period
 * and a position from another server make full runs. Each test owns an OU tree added over LDAP.
 */
class SlapdDeltaTest {
  @RegisterExtension static final Slapd SLAPD = new Slapd("", true);

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-01-05T08:00:00Z");
  private final InMemoryDirectory directory = new InMemoryDirectory();
  private StateStore state;
  private String root;
  private Mapping mapping;

  @AfterEach
  void closeState() {
    if (state != null) state.close();
  }

  private LDAPConnection admin() throws Exception {
    return new LDAPConnection("127.0.0.1", Integer.parseInt(SLAPD.url().replaceAll(".*:", "")), Slapd.ROOT_DN, "root-Pa55");
  }

  private String people() {
    return "ou=People," + root;
  }

  /** ou=NAME: People/Eng, People/Ops, Groups; ann and bob in Eng, carl in Ops; devs {ann}, staff {devs, bob} (nested). */
  private void tree(String name) throws Exception {
    root = "ou=" + name + "," + Slapd.BASE;
    try (LDAPConnection c = admin()) {
      for (String ou : List.of(root, people(), "ou=Eng," + people(), "ou=Ops," + people(), "ou=Groups," + root)) {
        c.add("dn: " + ou, "objectClass: organizationalUnit", "ou: " + ou.substring(3, ou.indexOf(',')));
      }
      person(c, "ann", "ou=Eng");
      person(c, "bob", "ou=Eng");
      person(c, "carl", "ou=Ops");
      c.add("dn: cn=devs,ou=Groups," + root, "objectClass: groupOfNames", "cn: devs", "member: uid=ann,ou=Eng," + people());
      c.add("dn: cn=staff,ou=Groups," + root, "objectClass: groupOfNames", "cn: staff",
          "member: cn=devs,ou=Groups," + root, "member: uid=bob,ou=Eng," + people());
    }
    String shipped = Files.readString(Path.of("mappings/openldap-inetorgperson.yaml"));
    Path file = dir.resolve("mapping.yaml");
    Files.writeString(file, shipped.replace("base: ou=People,dc=example,dc=org", "base: " + people()));
    mapping = MappingLoader.load(file, Map.of());
    state = StateStores.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), null, null, null);
  }

  private void person(LDAPConnection c, String uid, String ou) throws Exception {
    c.add("dn: uid=" + uid + "," + ou + "," + people(), "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid, "sn: " + uid,
        "mail: " + uid + "@example.org");
  }

  private SyncRun run(InMemoryDirectory target, StateStore store, String url) {
    LdapSourceConfig config = LdapSourceConfig.ldap(List.of(url), Slapd.READER_DN, new Secret(Slapd.READER_PASSWORD),
        new Users(people(), Scope.SUB, "(objectClass=inetOrgPerson)"),
        new Groups("ou=Groups," + root, Scope.SUB, "(objectClass=groupOfNames)", "member", false),
        new Departments(people(), Scope.SUB, null, null)).withDelta(new LdapSourceConfig.Delta(Duration.ofHours(24)));
    Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) needed.put(kind, mapping.attributes(kind));
    LdapSource source = new LdapSource(config, needed);
    ApplySettings settings = new ApplySettings(2, 0, 3, Duration.ofMillis(1), Duration.ofMillis(8), 0.5, 7L);
    return new SyncRun(new SyncJob("ldap", RemovalAction.BLOCK, new GuardPolicy(50, 50, false), 2), source, mapping,
        new DeltaSettings(source.delta(), Duration.ofHours(24), "test"), target, store, new Applier(target, store, settings, clock),
        new RetryingReads(target, settings), clock);
  }

  private SyncRun run() {
    return run(directory, state, SLAPD.url());
  }

  private RunReport sync(boolean full) {
    RunReport report = run().run(false, false, full, SyncListener.NONE);
    assertThat(report.outcome()).as(report.message() + " " + report.failures()).isEqualTo(RunOutcome.SUCCESS);
    return report;
  }

  private DirectoryUser user(String uid) {
    return user(directory, uid);
  }

  private static DirectoryUser user(InMemoryDirectory target, String uid) {
    return target.usersByExternalId().values().stream().filter(u -> uid.equals(u.field("username"))).findFirst()
        .orElseThrow(() -> new AssertionError("no user " + uid));
  }

  private String group(String name) {
    return directory.listGroups().stream().filter(g -> g.name().equals(name)).map(DirectoryGroup::code).findFirst().orElseThrow();
  }

  private String department(String name) {
    return directory.listDepartments().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().code();
  }

  @Test
  void deltaRunsReadOnlyWhatChangedAndEndInTheSamePoolAsAFullRun() throws Exception {
    tree("d1");
    assertThat(sync(false).message()).contains("full run: no saved position");
    String devs = group("devs");
    String staff = group("staff");
    assertThat(user("ann").groups()).containsExactlyInAnyOrder(devs, staff);

    try (LDAPConnection c = admin()) {
      person(c, "dan", "ou=Ops");                                                    // add
      c.modify("uid=bob,ou=Eng," + people(), new Modification(ModificationType.REPLACE, "mail", "robert@example.org"));
      c.modify("uid=bob,ou=Eng," + people(), new Modification(ModificationType.ADD, "employeeType", "Disabled")); // disable
    }
    RunReport first = sync(false);
    assertThat(first.message()).contains("delta run: 2 changed user(s) read");
    assertThat(user("dan").groups()).isEmpty();
    assertThat(user("bob").field("email")).isEqualTo("robert@example.org");
    assertThat(user("bob").blocked()).isTrue();
    assertThat(user("ann").blocked()).as("an unseen user is left alone").isFalse();

    try (LDAPConnection c = admin()) {
      c.delete("uid=carl,ou=Ops," + people());                                             // delete
      c.modifyDN("uid=ann,ou=Eng," + people(), "uid=ann", true, "ou=Ops," + people());    // move (refint fixes devs)
      c.modify("cn=devs,ou=Groups," + root, new Modification(ModificationType.ADD, "member", "uid=dan,ou=Ops," + people()));
    }
    RunReport second = sync(false);
    assertThat(second.message()).contains("delta run:").contains("1 gone from the source");
    assertThat(user("carl").blocked()).isTrue();
    assertThat(user("ann").departments()).containsExactly(department("Ops"));
    assertThat(user("ann").groups()).containsExactlyInAnyOrder(devs, staff);
    assertThat(user("dan").groups()).as("dan joined devs, and through it staff").containsExactlyInAnyOrder(devs, staff);

    try (LDAPConnection c = admin()) {                                                // membership leaves, nested
      c.modify("cn=staff,ou=Groups," + root, new Modification(ModificationType.DELETE, "member", "cn=devs,ou=Groups," + root));
    }
    RunReport third = sync(false);
    assertThat(third.message()).contains("0 changed user(s) read, 2 read again for a group change");
    assertThat(user("ann").groups()).containsExactly(devs);
    assertThat(user("dan").groups()).containsExactly(devs);

    Plan full = run().plan(SyncListener.NONE, true);
    assertThat(full.operations()).as("a full run after the deltas finds nothing to do").isEmpty();
    InMemoryDirectory fresh = new InMemoryDirectory();
    try (StateStore other = StateStores.open("jdbc:h2:file:" + dir.resolve("other").toAbsolutePath(), null, null, null)) {
      assertThat(run(fresh, other, SLAPD.url()).run(false, false, SyncListener.NONE).outcome()).isEqualTo(RunOutcome.SUCCESS);
    }
    assertThat(active(directory)).isEqualTo(active(fresh));
  }

  /** Every active user's externalId, fields and memberships (what a full run from scratch must also give). */
  private static Map<String, String> active(InMemoryDirectory target) {
    Map<String, String> out = new TreeMap<>();
    target.usersByExternalId().values().stream().filter(u -> !u.blocked()).forEach(u -> out.put(u.externalId().value(),
        new TreeMap<>(u.fields()).toString().replaceAll("signedUp=[^,}]*", "") + new java.util.TreeSet<>(u.groups())
            + u.departments() + u.mainDepartment()));
    return out;
  }

  @Test
  void aQuietDeltaCallsTheDirectoryNotAtAllAndRemovesNobody() throws Exception {
    tree("d2");
    sync(false);
    Map<String, Long> before = directory.callCounts();

    RunReport quiet = sync(false);

    assertThat(quiet.message()).contains("delta run: 0 changed user(s) read, 0 read again for a group change, 0 gone");
    assertThat(quiet.totalApiCalls()).isZero();
    assertThat(directory.callCounts()).isEqualTo(before);
    assertThat(directory.usersByExternalId().values()).noneMatch(DirectoryUser::blocked);

    try (LDAPConnection c = admin()) {
      c.modify("uid=carl,ou=Ops," + people(), new Modification(ModificationType.REPLACE, "cn", "Carl Ops"));
    }
    Plan plan = run().plan(SyncListener.NONE);
    assertThat(plan.operations()).singleElement().satisfies(op -> assertThat(op.kind()).isEqualTo(OperationKind.UPDATE_USER));
    assertThat(plan.operations()).noneMatch(op -> op instanceof Operation.BlockUser);
  }

  @Test
  void fullRunsOnTheFlagThePeriodAndAPositionFromAnotherServer() throws Exception {
    tree("d3");
    sync(false);
    assertThat(sync(false).message()).contains("delta run:");
    assertThat(sync(true).message()).contains("full run: --full");
    clock.advance(Duration.ofHours(23));
    assertThat(sync(false).message()).contains("delta run:");
    clock.advance(Duration.ofHours(2));
    assertThat(sync(false).message()).contains("full run: full reconciliation due");
    assertThat(sync(false).message()).contains("delta run:");

    ApplySettings settings = new ApplySettings(2, 0, 3, Duration.ofMillis(1), Duration.ofMillis(8), 0.5, 7L);
    Plan saved = run().plan(SyncListener.NONE);
    new io.dirsync.sync.SavedPlanRun(directory, state, new Applier(directory, state, settings, clock), new GuardPolicy(50, 50, false), clock)
        .apply(saved, false, SyncListener.NONE);
    assertThat(sync(false).message()).contains("full run: a saved plan was applied");

    String mark = state.watermark("ldap", "delta").orElseThrow();
    state.saveWatermark("ldap", "delta", mark.replaceFirst("server=[^&]*", "server=syncrepl%3Aldap2.example.org%3A389"));
    RunReport failover = run().run(false, false, SyncListener.NONE);
    assertThat(failover.message()).contains("full run: the server did not accept the saved position");
  }

  @Test
  void aSourceThatSuddenlyHasNoGroupsStopsTheRun() throws Exception {
    tree("d4");
    sync(false);
    try (LDAPConnection c = admin()) {
      c.delete("cn=staff,ou=Groups," + root);
      c.delete("cn=devs,ou=Groups," + root);
    }

    RunReport stopped = run().run(false, false, SyncListener.NONE);

    assertThat(stopped.outcome()).isEqualTo(RunOutcome.STOPPED_BY_GUARD);
    assertThat(stopped.message()).contains("no group entries while the last run read 2");
    assertThat(user("ann").groups()).hasSize(2);
    assertThat(run().run(false, true, SyncListener.NONE).outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(user("ann").groups()).isEmpty();
  }
}
