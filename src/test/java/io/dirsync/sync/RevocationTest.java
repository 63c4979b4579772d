package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.model.ContainerRemoval;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.GuardPolicy;
import io.dirsync.plan.RetirePolicy;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.state.StateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access revoked in the source is revoked in the directory, end to end: LDAP → mapping → plan →
 * apply on the in-memory directory, state in H2. A group or department that leaves the source loses
 * its managed members and is kept or deleted as configured; the guard stops mass retirements.
 */
class RevocationTest extends SyncTestBase {
  @TempDir Path dir;

  private final InMemoryDirectory directory = new InMemoryDirectory();

  @Override
  Supplier<StateStore> stateStore(String name) {
    return StateDbs.h2(dir, name);
  }

  private RunReport sync(SyncHarness h, RetirePolicy retire) {
    return run(h, retire).run(false, false, SyncListener.NONE);
  }

  private SyncRun run(SyncHarness h, RetirePolicy retire) {
    h.retire = retire;
    return h.newRun(authing -> directory, h.state());
  }

  private SyncHarness synced(RetirePolicy retire) {
    SyncHarness h = harness("revocation", SandboxOptions.defaults());
    assertThat(sync(h, retire).outcome()).isEqualTo(RunOutcome.SUCCESS);
    return h;
  }

  private static void delete(SyncHarness h, String dn) {
    try {
      h.ldap.delete(dn);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> membersOf(String group) {
    return directory.allUsers().stream().filter(u -> u.groups().contains(group)).map(u -> u.externalId().value()).sorted().toList();
  }

  @Test
  void aGroupDeletedInTheSourceLosesAllItsMembersAndIsKeptByDefault() {
    SyncHarness h = synced(RetirePolicy.DEFAULT);
    assertThat(membersOf("sales-team")).hasSize(6);
    directory.seedUser("by-hand", java.util.Map.of("username", "byhand"));
    String byHand = directory.usersByExternalId().get("by-hand").id();
    directory.addGroupMembers("sales-team", List.of(byHand));
    delete(h, "cn=sales-team," + SyncHarness.GROUPS);

    Plan plan = run(h, RetirePolicy.DEFAULT).plan(SyncListener.NONE);
    assertThat(plan.retired()).containsExactly("group sales-team");
    assertThat(plan.countsByKind()).containsEntry(OperationKind.REMOVE_FROM_GROUP, 1);

    RunReport report = sync(h, RetirePolicy.DEFAULT);

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(membersOf("sales-team")).as("only the member added by hand stays").containsExactly("by-hand");
    assertThat(directory.listGroups()).extracting(DirectoryGroup::code).contains("sales-team");
    assertThat(run(h, RetirePolicy.DEFAULT).plan(SyncListener.NONE).isEmpty()).as("nothing left to do").isTrue();
    assertThat(sync(h, RetirePolicy.DEFAULT).changesApplied()).isZero();
    assertThat(h.state().managedContainers(SyncHarness.JOB).groups()).as("forgotten once done").doesNotContain("sales-team");
  }

  @Test
  void aGroupDeletedInTheSourceIsDeletedWhenConfigured() {
    RetirePolicy delete = new RetirePolicy(ContainerRemoval.DELETE, ContainerRemoval.DELETE);
    SyncHarness h = synced(delete);
    delete(h, "cn=platform-team," + SyncHarness.GROUPS);

    RunReport report = sync(h, delete);

    assertThat(report.count(OperationKind.DELETE_GROUP, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(directory.listGroups()).extracting(DirectoryGroup::code).doesNotContain("platform-team").contains("engineers");
    assertThat(membersOf("platform-team")).isEmpty();
  }

  @Test
  void aDeletedOuIsDeletedChildrenFirstAndItsUsersFollowTheirMoves() throws LDAPException {
    SyncHarness h = synced(RetirePolicy.DEFAULT);
    int departments = directory.listDepartments().size();
    String engineering = "ou=Engineering," + SyncHarness.PEOPLE;
    for (SearchResultEntry e : h.ldap.search("ou=Platform," + engineering, SearchScope.ONE, Filter.create("(uid=*)")).getSearchEntries()) {
      h.ldap.modifyDN(e.getDN(), DN.getRDNString(e.getDN()), true, engineering);
    }
    delete(h, "ou=Platform," + engineering);

    RunReport report = sync(h, RetirePolicy.DEFAULT);

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(report.count(OperationKind.DELETE_DEPARTMENT, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(directory.listDepartments()).hasSize(departments - 1)
        .extracting(DirectoryDepartment::name).doesNotContain("Platform");
    DirectoryUser ada = directory.usersByExternalId().values().stream()
        .filter(u -> "ada.adams".equals(u.field("username"))).findFirst().orElseThrow();
    String engineeringCode = directory.listDepartments().stream().filter(d -> d.name().equals("Engineering")).findFirst().orElseThrow().code();
    assertThat(ada.departments()).containsExactly(engineeringCode);
    assertThat(ada.mainDepartment()).isEqualTo(engineeringCode);
  }

  @Test
  void retiringMoreThanMaxRetiredStopsTheRunAndAppliesNothing() {
    SyncHarness h = synced(RetirePolicy.DEFAULT);
    delete(h, "cn=sales-team," + SyncHarness.GROUPS);
    delete(h, "cn=engineers," + SyncHarness.GROUPS);
    h.guard = new GuardPolicy(50, 50, false, 1);

    RunReport report = sync(h, RetirePolicy.DEFAULT);

    assertThat(report.outcome()).isEqualTo(RunOutcome.STOPPED_BY_GUARD);
    assertThat(report.message()).contains("retires 2 groups, roles and departments").contains("maxRetired 1");
    assertThat(membersOf("sales-team")).hasSize(6);
    assertThat(h.state().managedContainers(SyncHarness.JOB).groups()).contains("sales-team", "engineers");
  }
}
