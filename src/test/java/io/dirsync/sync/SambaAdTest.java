package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
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
import io.dirsync.source.ldap.LdapSource;
import io.dirsync.state.StateStore;
import io.dirsync.state.StateStores;
import io.dirsync.testing.SambaDc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code mappings/active-directory.yaml}, unchanged, against a real Active Directory (a
 * Samba AD DC): objectGUID keys, objectSid, userAccountControl, nested groups, escaped DNs and
 * Chinese names, OU renames and moves as one update, deletions revoked. Each test loads its own OU
 * tree (with ldbadd) and syncs it into a fresh in-memory directory with its own H2 state.
 */
class SambaAdTest {
  @RegisterExtension static final SambaDc DC = new SambaDc("");

  private static final Mapping MAPPING = MappingLoader.load(Path.of("mappings/active-directory.yaml"), Map.of());
  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path dir;
  private final InMemoryDirectory directory = new InMemoryDirectory();
  private StateStore state;
  private String root;
  private String prefix;

  @AfterEach
  void closeState() {
    if (state != null) state.close();
  }

  /** An OU tree of its own: 研发中心 and "Sales, EMEA" with four users, Finance nested in VPN-Users. */
  private void loadTree(String name) throws Exception {
    prefix = name;
    root = "OU=" + name + "," + SambaDc.BASE;
    String rd = "OU=研发中心," + root;
    String sales = "OU=Sales\\, EMEA," + root;
    String groups = "OU=Groups," + root;
    StringBuilder ldif = new StringBuilder();
    ou(ldif, root, name);
    ou(ldif, rd, "研发中心");
    ou(ldif, sales, "Sales, EMEA");
    ou(ldif, groups, "Groups");
    user(ldif, "CN=王小明," + rd, name + "-wangxm", "王小明", 544);
    user(ldif, "CN=Carl Dev," + rd, name + "-carl", "Carl Dev", 544);
    user(ldif, "CN=Lee\\, Ann," + sales, name + "-ann", "Ann Lee", 544);
    user(ldif, "CN=Bob Off," + sales, name + "-bob", "Bob Off", 546);
    group(ldif, "CN=Finance," + groups, name + "-finance", "CN=Lee\\, Ann," + sales);
    group(ldif, "CN=VPN-Users," + groups, name + "-vpn", "CN=Finance," + groups, "CN=Carl Dev," + rd);
    DC.ldbadd(ldif.toString());
    state = StateStores.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), null, null, null);
  }

  private static void ou(StringBuilder ldif, String dn, String name) {
    line(ldif, "dn", dn);
    ldif.append("objectClass: top\nobjectClass: organizationalUnit\n");
    line(ldif, "ou", name);
    ldif.append('\n');
  }

  private static void user(StringBuilder ldif, String dn, String account, String displayName, int userAccountControl) {
    line(ldif, "dn", dn);
    ldif.append("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\n");
    line(ldif, "sAMAccountName", account);
    line(ldif, "displayName", displayName);
    line(ldif, "mail", account + "@example.org");
    ldif.append("mobile: +86 138 0013 ").append(8000 + Math.floorMod(account.hashCode(), 1000)).append('\n');
    ldif.append("userAccountControl: ").append(userAccountControl).append("\n\n");
  }

  private static void group(StringBuilder ldif, String dn, String account, String... members) {
    line(ldif, "dn", dn);
    ldif.append("objectClass: top\nobjectClass: group\n");
    line(ldif, "sAMAccountName", account);
    for (String m : members) line(ldif, "member", m);
    ldif.append('\n');
  }

  /** LDIF needs base64 for values that are not plain ASCII. */
  private static void line(StringBuilder ldif, String attribute, String value) {
    boolean plain = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    ldif.append(attribute).append(plain ? ": " + value : ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
        .append('\n');
  }

  private SyncRun run() {
    LdapSourceConfig config = LdapSourceConfig.ldap(List.of(SambaDc.URL), SambaDc.ADMIN, new Secret(SambaDc.PASSWORD),
        new Users(root, Scope.SUB, "(&(objectCategory=person)(objectClass=user))"), new Groups(root, Scope.SUB, "(objectClass=group)", "member", false), new Departments(root, Scope.SUB, null, null))
        .withActiveDirectory(true);
    Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) needed.put(kind, MAPPING.attributes(kind));
    ApplySettings settings = new ApplySettings(4, 0, 3, Duration.ofMillis(1), Duration.ofMillis(8), 0.5, 7L);
    SyncJob job = new SyncJob("ad", RemovalAction.BLOCK, new GuardPolicy(50, 50, false), 4);
    Clock clock = Clock.systemUTC();
    return new SyncRun(job, new LdapSource(config, needed), MAPPING, directory, state,
        new Applier(directory, state, settings, clock), new RetryingReads(directory, settings), clock);
  }

  private RunReport sync() {
    RunReport report = run().run(false, false, SyncListener.NONE);
    assertThat(report.outcome()).as(report.message() + " " + report.failures()).isEqualTo(RunOutcome.SUCCESS);
    return report;
  }

  private Plan plan() {
    return run().plan(SyncListener.NONE);
  }

  private DirectoryUser user(String account) {
    return directory.usersByExternalId().values().stream().filter(u -> account.equals(u.field("username"))).findFirst()
        .orElseThrow(() -> new AssertionError("no user " + account));
  }

  private String departmentCode(String name) {
    return directory.listDepartments().stream().filter(d -> d.name().equals(name)).map(DirectoryDepartment::code).findFirst()
        .orElseThrow(() -> new AssertionError("no department " + name + " in " + directory.listDepartments()));
  }

  private static SearchResultEntry entry(LDAPConnection c, String filter, String... attributes) throws Exception {
    List<SearchResultEntry> found = c.search(SambaDc.BASE, SearchScope.SUB, Filter.create(filter), attributes).getSearchEntries();
    assertThat(found).as(filter).hasSize(1);
    return found.get(0);
  }

  private static String guid(SearchResultEntry e) {
    byte[] b = e.getAttributeValueBytes("objectGUID");
    // objectGUID: the first three fields little-endian
    byte[] be = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(be);
    return new UUID(buf.getLong(), buf.getLong()).toString();
  }

  @Test
  void theShippedMappingSyncsAPlainAdUnchanged() throws Exception {
    loadTree("t1");

    sync();

    DirectoryUser wang = user("t1-wangxm");
    DirectoryUser ann = user("t1-ann");
    try (LDAPConnection c = DC.connect()) {
      assertThat(wang.externalId().value()).isEqualTo(guid(entry(c, "(sAMAccountName=t1-wangxm)", "objectGUID")));
      assertThat(departmentCode("Sales, EMEA")).isEqualTo(guid(entry(c, "(ou=Sales, EMEA)", "objectGUID")));
    }
    assertThat(wang.field("name")).isEqualTo("王小明");
    assertThat(wang.field("phone").toString()).matches("\\+8613800138\\d{3}");
    assertThat(wang.customData().get("objectSid").toString()).matches("S-1-5-21-\\d+-\\d+-\\d+-\\d+");
    assertThat(ann.externalId().value()).matches(GUID);
    assertThat(directory.usersByExternalId()).hasSize(4);
    assertThat(user("t1-bob").blocked()).as("userAccountControl 546 is disabled").isTrue();
    assertThat(ann.blocked()).isFalse();
    assertThat(wang.mainDepartment()).isEqualTo(departmentCode("研发中心"));
    assertThat(ann.mainDepartment()).isEqualTo(departmentCode("Sales, EMEA"));
    String vpn = directory.listGroups().stream().filter(g -> g.name().equals("VPN-Users")).map(DirectoryGroup::code).findFirst().orElseThrow();
    assertThat(vpn).matches(GUID);
    assertThat(ann.groups()).as("Ann is in VPN-Users through Finance").contains(vpn).hasSize(2);
    assertThat(user("t1-carl").groups()).containsExactly(vpn);
    assertThat(plan().isEmpty()).as("a second run changes nothing").isTrue();
  }

  @Test
  void renamingOrMovingAnOuIsOneUpdateAndDisablingAUserBlocksIt() throws Exception {
    loadTree("t2");
    sync();
    String sales = "OU=Sales\\, EMEA," + root;
    try (LDAPConnection c = DC.connect()) {
      c.modifyDN(sales, new RDN("ou", "Vertrieb EMEA").toString(), true);
    }

    Plan renamed = plan();

    assertThat(renamed.operations()).singleElement().isInstanceOfSatisfying(Operation.UpdateDepartment.class,
        u -> assertThat(u.name()).isEqualTo("Vertrieb EMEA"));
    sync();
    String code = departmentCode("Vertrieb EMEA");
    try (LDAPConnection c = DC.connect()) {
      c.modifyDN("OU=研发中心," + root, "OU=研发中心", true, "OU=Vertrieb EMEA," + root);
      c.modify("CN=Carl Dev,OU=研发中心,OU=Vertrieb EMEA," + root,
          new Modification(ModificationType.REPLACE, "userAccountControl", "546"));
    }

    Plan moved = plan();

    assertThat(moved.operations()).extracting(Operation::kind)
        .containsExactlyInAnyOrder(OperationKind.UPDATE_DEPARTMENT, OperationKind.UPDATE_USER);
    sync();
    assertThat(directory.listDepartments()).filteredOn(d -> d.name().equals("研发中心")).singleElement()
        .satisfies(d -> assertThat(d.parentCode()).isEqualTo(code));
    assertThat(user("t2-carl").blocked()).isTrue();
    assertThat(user("t2-wangxm").mainDepartment()).isEqualTo(departmentCode("研发中心"));
  }

  @Test
  void whatIsDeletedInAdIsRevoked() throws Exception {
    loadTree("t3");
    sync();
    String rd = "OU=研发中心," + root;
    String sales = "OU=Sales\\, EMEA," + root;
    String vpnCode = directory.listGroups().stream().filter(g -> g.name().equals("VPN-Users")).map(DirectoryGroup::code).findFirst().orElseThrow();
    String rdCode = departmentCode("研发中心");
    try (LDAPConnection c = DC.connect()) {
      c.delete("CN=VPN-Users,OU=Groups," + root);
      c.delete("CN=Carl Dev," + rd);
      c.modifyDN("CN=王小明," + rd, "CN=王小明", true, sales);
      c.delete(rd);
    }

    Plan plan = plan();
    assertThat(plan.retired()).containsExactlyInAnyOrder("group " + vpnCode, "department " + rdCode);
    sync();

    assertThat(directory.usersByExternalId().values()).allSatisfy(u -> assertThat(u.groups()).doesNotContain(vpnCode));
    assertThat(user("t3-carl").blocked()).isTrue();
    assertThat(directory.listDepartments()).extracting(DirectoryDepartment::code).doesNotContain(rdCode);
    assertThat(user("t3-wangxm").mainDepartment()).isEqualTo(departmentCode("Sales, EMEA"));
    assertThat(plan().isEmpty()).isTrue();
  }
}
