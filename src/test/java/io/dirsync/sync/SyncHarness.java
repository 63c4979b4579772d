package io.dirsync.sync;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;
import io.dirsync.apply.Applier;
import io.dirsync.apply.ApplySettings;
import io.dirsync.apply.RetryingReads;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.directory.Directory;
import io.dirsync.directory.authing.AuthingConfig;
import io.dirsync.directory.authing.AuthingDirectory;
import io.dirsync.directory.authing.UsersApi;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Plan;
import io.dirsync.model.RunReport;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RemovalAction;
import io.dirsync.plan.RetirePolicy;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.source.ldap.LdapSource;
import io.dirsync.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The real parts of one sync, on loopback: an UnboundID in-memory LDAP server seeded with
 * {@code sync/people.ldif} (24 users in 4 OUs, 3 groups, one nested), a sandbox directory over
 * HTTP, a JDBC state store, and the test mapping. {@link #newRun} builds a {@link SyncRun} the way
 * {@code JobParts} does, on fresh clients each time, as a new process would.
 */
final class SyncHarness implements AutoCloseable {
  static final String BASE = "dc=example,dc=org";
  static final String PEOPLE = "ou=Departments," + BASE;
  static final String GROUPS = "ou=Groups," + BASE;
  static final String ADMIN_DN = "cn=admin," + BASE;
  static final String ADMIN_PASSWORD = "ldap-test-secret";
  static final String JOB = "people";
  static final int USERS = 24;
  static final Set<String> NAMESPACES = Set.of("default");

  final InMemoryDirectoryServer ldap;
  /** Kept: a stopped server no longer knows its port, and a run against it must fail to connect. */
  private final int ldapPort;
  final SandboxServer sandbox;
  final Mapping mapping;
  final Clock clock = Clock.systemUTC();
  /** A client of its own for changes "by hand" and for reading the final state; its calls count in the sandbox's stats. */
  final AuthingDirectory admin;
  private final Supplier<StateStore> stateOpener;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private StateStore state;

  RemovalAction removal = RemovalAction.BLOCK;
  GuardPolicy guard = new GuardPolicy(50, 50, false);
  RetirePolicy retire = RetirePolicy.DEFAULT;
  ApplySettings settings = fastSettings(6);

  private SyncHarness(InMemoryDirectoryServer ldap, SandboxServer sandbox, Supplier<StateStore> stateOpener) {
    this.ldap = ldap;
    this.ldapPort = ldap.getListenPort();
    this.sandbox = sandbox;
    this.stateOpener = stateOpener;
    this.mapping = MappingLoader.parse("sync/mapping.yaml", resource("sync/mapping.yaml"));
    this.admin = AuthingDirectory.create(authing(), "people", clock);
    this.state = stateOpener.get();
  }

  /** Starts the LDAP server and the sandbox; {@code stateOpener} opens the job's state store (again after a crash). */
  static SyncHarness start(SandboxOptions sandboxOptions, Supplier<StateStore> stateOpener) {
    InMemoryDirectoryServer ldap = startLdap();
    SandboxServer sandbox;
    try {
      sandbox = SandboxServer.start(sandboxOptions, Clock.systemUTC());
    } catch (RuntimeException e) {
      ldap.shutDown(true);
      throw e;
    }
    try {
      return new SyncHarness(ldap, sandbox, stateOpener);
    } catch (RuntimeException e) {
      sandbox.close();
      ldap.shutDown(true);
      throw e;
    }
  }

  static ApplySettings fastSettings(int attempts) {
    return new ApplySettings(4, 0, attempts, Duration.ofMillis(1), Duration.ofMillis(8), 0.5, 7L);
  }

  private static InMemoryDirectoryServer startLdap() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
      // as real directories do: deleting or moving a user updates the groups naming it
      config.setReferentialIntegrityAttributes("member");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      try (InputStream in = SyncHarness.class.getClassLoader().getResourceAsStream("sync/people.ldif")) {
        server.importFromLDIF(true, new LDIFReader(in));
      }
      server.startListening();
      return server;
    } catch (LDAPException | IOException e) {
      throw new IllegalStateException("cannot start the test LDAP server: " + e.getMessage(), e);
    }
  }

  static String resource(String name) {
    try (InputStream in = SyncHarness.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing test resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AuthingConfig authing() {
    return AuthingConfig.of(sandbox.baseUri(), sandbox.options().userPoolId(), sandbox.options().secret());
  }

  LdapSourceConfig sourceConfig() {
    return LdapSourceConfig.ldap(List.of("ldap://127.0.0.1:" + ldapPort), ADMIN_DN, new Secret(ADMIN_PASSWORD),
        new Users(PEOPLE, Scope.SUB, "(objectClass=inetOrgPerson)"),
        new Groups(GROUPS, Scope.SUB, "(objectClass=groupOfNames)", "member", false),
        new Departments(PEOPLE, Scope.SUB, null, null)).withPageSize(10);
  }

  StateStore state() {
    return state;
  }

  // ---- runs -------------------------------------------------------------------------------

  /** A run built as JobParts builds it, on a new LDAP connection and a new directory client. */
  SyncRun newRun() {
    return newRun(UnaryOperator.identity(), state);
  }

  /** A run whose directory and state store are wrapped (to count, fail or crash). */
  SyncRun newRun(UnaryOperator<Directory> wrap, StateStore store) {
    Map<EntryKind, Set<String>> needed = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) needed.put(kind, mapping.attributes(kind));
    LdapSource source = track(new LdapSource(sourceConfig(), needed));
    Directory directory = wrap.apply(track(AuthingDirectory.create(authing(), "people", clock)));
    SyncJob job = new SyncJob(JOB, removal, guard, settings.concurrency(), retire);
    return new SyncRun(job, source, mapping, directory, store, new Applier(directory, store, settings, clock),
        new RetryingReads(directory, settings), clock);
  }

  SavedPlanRun newSavedPlanRun() {
    Directory directory = track(AuthingDirectory.create(authing(), "people", clock));
    return new SavedPlanRun(directory, state, new Applier(directory, state, settings, clock), guard, clock);
  }

  RunReport sync() {
    return newRun().run(false, false, SyncListener.NONE);
  }

  Plan plan() {
    return newRun().plan(SyncListener.NONE);
  }

  /** The state store as a restarted process finds it: closed (whatever a crash left) and opened again. */
  void reopenState() {
    state.close();
    state = stateOpener.get();
  }

  // ---- the source -------------------------------------------------------------------------

  String dnOf(String uid) {
    try {
      List<SearchResultEntry> found = ldap.search(BASE, SearchScope.SUB, Filter.createEqualityFilter("uid", uid)).getSearchEntries();
      if (found.size() != 1) throw new IllegalArgumentException("no single source user " + uid + ": " + found.size());
      return found.get(0).getDN();
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  void setAttribute(String uid, String attribute, String... values) {
    ldapModify(dnOf(uid), new Modification(ModificationType.REPLACE, attribute, values));
  }

  void removeAttribute(String uid, String attribute) {
    ldapModify(dnOf(uid), new Modification(ModificationType.DELETE, attribute));
  }

  /** Moves the user's entry under another OU, e.g. {@code ou=Support,ou=Departments,…}. */
  void moveUser(String uid, String newParentDn) {
    try {
      String dn = dnOf(uid);
      ldap.modifyDN(dn, DN.getRDNString(dn), true, newParentDn);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  void addToGroup(String groupCn, String uid) {
    ldapModify("cn=" + groupCn + "," + GROUPS, new Modification(ModificationType.ADD, "member", dnOf(uid)));
  }

  void removeFromGroup(String groupCn, String uid) {
    ldapModify("cn=" + groupCn + "," + GROUPS, new Modification(ModificationType.DELETE, "member", dnOf(uid)));
  }

  /** Deletes the user's entry (and, by referential integrity, its group memberships). */
  void deleteUser(String uid) {
    try {
      ldap.delete(dnOf(uid));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  void deleteAllUsers() {
    try {
      for (SearchResultEntry e : ldap.search(PEOPLE, SearchScope.SUB, Filter.createEqualityFilter("objectClass", "inetOrgPerson")).getSearchEntries()) {
        deleteUser(e.getAttributeValue("uid"));
      }
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  void addUser(String uid, String employeeNumber, String parentDn) {
    try {
      ldap.add(new Entry("uid=" + uid + "," + parentDn,
          new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new Attribute("uid", uid), new Attribute("cn", uid), new Attribute("sn", uid),
          new Attribute("mail", uid + "@example.org"), new Attribute("employeeNumber", employeeNumber),
          new Attribute("title", "Engineer")));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private void ldapModify(String dn, Modification modification) {
    try {
      ldap.modify(dn, modification);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the directory, by hand ---------------------------------------------------------------

  UsersApi users() {
    return admin.client().users();
  }

  DirectoryUser user(String externalId) {
    return admin.findByExternalId(ExternalId.of(externalId), NAMESPACES)
        .orElseThrow(() -> new AssertionError("no user with externalId " + externalId + " in the directory"));
  }

  boolean exists(String externalId) {
    return admin.findByExternalId(ExternalId.of(externalId), NAMESPACES).isPresent();
  }

  DirectoryState snapshot() {
    return DirectoryState.read(admin);
  }

  // ---- lifecycle --------------------------------------------------------------------------

  <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) closeQuietly(opened.pop());
    closeQuietly(admin);
    closeQuietly(state);
    closeQuietly(sandbox);
    ldap.shutDown(true);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // a test's outcome is decided; closing is best effort
    }
  }
}
