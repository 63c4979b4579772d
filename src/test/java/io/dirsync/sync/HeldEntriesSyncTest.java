package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.dirsync.model.ContainerRemoval;
import io.dirsync.model.RunOutcome;
import io.dirsync.model.RunReport;
import io.dirsync.plan.RetirePolicy;
import io.dirsync.state.StateStore;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end (in-memory LDAP → mapping → sandbox): a group or department entry the mapping skips
 * costs nobody a membership. Retiring deletes here, so anything that looked gone would vanish.
 */
class HeldEntriesSyncTest extends SyncTestBase {
  private static final String ENGINEERS = "cn=engineers," + SyncHarness.GROUPS;
  private static final String PLATFORM = "ou=Platform,ou=Engineering," + SyncHarness.PEOPLE;

  @TempDir Path dir;

  @Override
  Supplier<StateStore> stateStore(String name) {
    return StateDbs.h2(dir, name);
  }

  private SyncHarness syncedDeletingRetired() {
    SyncHarness h = synced();
    h.retire = new RetirePolicy(ContainerRemoval.DELETE, ContainerRemoval.DELETE);
    return h;
  }

  private static void modify(SyncHarness h, String dn, ModificationType type, String attribute, String... values) {
    try {
      h.ldap.modify(dn, new Modification(type, attribute, values));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aManagedGroupWhoseEntryGainsAControlCharacterKeepsAllItsMembersAndIsNotRetired() {
    SyncHarness h = syncedDeletingRetired();
    DirectoryState before = h.snapshot();
    assertThat(before.membersOf("engineers")).hasSize(12);
    modify(h, ENGINEERS, ModificationType.REPLACE, "description", "All engineers\u0007");
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(changingCalls(h.sandbox.stats())).isEmpty();
    assertThat(h.snapshot()).isEqualTo(before);
    assertThat(report.skipped()).anySatisfy(s -> {
      assertThat(s.dn()).isEqualTo(ENGINEERS);
      assertThat(s.rule()).isEqualTo("hygiene.control-characters");
      assertThat(s.reason()).contains("group \"engineers\" is held this run");
    });
    assertThat(h.state().managedContainers(SyncHarness.JOB).groups()).contains("engineers");

    modify(h, ENGINEERS, ModificationType.REPLACE, "description", "All engineers");
    assertThat(h.plan().isEmpty()).as("once repaired, nothing to catch up").isTrue();
  }

  @Test
  void aDepartmentOuThatCannotBeMappedKeepsItsUsersInPlace() {
    SyncHarness h = syncedDeletingRetired();
    DirectoryState before = h.snapshot();
    assertThat(before.user("E100").mainDepartment()).isEqualTo("dept-engineering-platform");
    // the department's name is the first ou value: a bad one first, the RDN value after it
    modify(h, PLATFORM, ModificationType.REPLACE, "ou", "Platform\u0007", "Platform");
    h.sandbox.resetStats();

    RunReport report = h.sync();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(changingCalls(h.sandbox.stats())).isEmpty();
    assertThat(h.snapshot()).isEqualTo(before);
    assertThat(report.skipped()).anySatisfy(s -> {
      assertThat(s.dn()).isEqualTo(PLATFORM);
      assertThat(s.reason()).contains("department \"dept-engineering-platform\" is held this run");
    });
    assertThat(h.state().managedContainers(SyncHarness.JOB).departments()).contains("dept-engineering-platform");
  }

  @Test
  void aGroupEntryWhoseCodeCannotBeDeterminedHoldsGroupRetirementForTheRun() throws LDAPException {
    SyncHarness h = syncedDeletingRetired();
    DirectoryState before = h.snapshot();
    h.ldap.delete("cn=sales-team," + SyncHarness.GROUPS);
    h.ldap.add(new Entry("cn=***," + SyncHarness.GROUPS, new Attribute("objectClass", "top", "groupOfNames"),
        new Attribute("cn", "***"), new Attribute("member", h.dnOf("mia.moss"))));

    RunReport held = h.sync();

    assertThat(held.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(h.snapshot()).isEqualTo(before);
    assertThat(held.skipped()).anySatisfy(s -> {
      assertThat(s.rule()).isEqualTo("groups.fromEntries.code");
      assertThat(s.reason()).contains("its group code cannot be determined, so this run retires no group");
    });

    h.ldap.delete("cn=***," + SyncHarness.GROUPS);
    RunReport retired = h.sync();

    assertThat(retired.outcome()).isEqualTo(RunOutcome.SUCCESS);
    assertThat(h.snapshot().membersOf("sales-team")).as("the group that did leave retires once nothing holds it").isEmpty();
  }
}
