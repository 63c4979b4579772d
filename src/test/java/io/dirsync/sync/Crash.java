package io.dirsync.sync;

import io.dirsync.directory.Directory;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.DirectoryGroup;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.JournalEntry;
import io.dirsync.model.ManagedContainers;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.MembershipIndex;
import io.dirsync.model.RoleRef;
import io.dirsync.model.RunReport;
import io.dirsync.model.RunSummary;
import io.dirsync.state.StateStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A process dying in the middle of applying, made honest: the K-th directory write reaches the
 * directory, then the "process" is dead. From then on every directory call and every state-store
 * write throws this {@link Error} (which no layer catches as an ordinary failure), so nothing is
 * recorded after the crash — as if the JVM had been killed.
 */
final class Crash extends Error {
  Crash(String message) {
    super(message, null, false, false);
  }

  /** Counts writes and kills the process after the K-th one. */
  static final class Switch {
    private final int writesBeforeCrash;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicBoolean dead = new AtomicBoolean();

    Switch(int writesBeforeCrash) {
      this.writesBeforeCrash = writesBeforeCrash;
    }

    boolean dead() {
      return dead.get();
    }

    void check() {
      if (dead.get()) throw new Crash("the process is dead");
    }

    <T> T write(Supplier<T> call) {
      check();
      T result = call.get();
      if (writes.incrementAndGet() >= writesBeforeCrash) {
        dead.set(true);
        throw new Crash("killed after " + writesBeforeCrash + " write(s)");
      }
      return result;
    }

    void write(Runnable call) {
      write(() -> {
        call.run();
        return null;
      });
    }

    <T> T read(Supplier<T> call) {
      check();
      return call.get();
    }
  }

  /** The directory as seen by the dying process. */
  static final class CrashingDirectory implements Directory {
    private final Directory d;
    private final Switch s;

    CrashingDirectory(Directory delegate, Switch crash) {
      this.d = delegate;
      this.s = crash;
    }

    @Override public List<DirectoryUser> findByExternalIds(Collection<ExternalId> ids, boolean memberships, Set<String> ns) {
      return s.read(() -> d.findByExternalIds(ids, memberships, ns));
    }
    @Override public Optional<DirectoryUser> findByExternalId(ExternalId id, Set<String> ns) {
      return s.read(() -> d.findByExternalId(id, ns));
    }
    @Override public DirectoryUser createUser(DesiredUser user) { return s.write(() -> d.createUser(user)); }
    @Override public DirectoryUser updateUser(String userId, Map<String, Object> changes) { return s.write(() -> d.updateUser(userId, changes)); }
    @Override public void setCustomData(String userId, Map<String, Object> values) { s.write(() -> d.setCustomData(userId, values)); }
    @Override public void blockUser(String userId) { s.write(() -> d.blockUser(userId)); }
    @Override public void deleteUser(String userId) { s.write(() -> d.deleteUser(userId)); }
    @Override public List<DirectoryGroup> listGroups() { return s.read(d::listGroups); }
    @Override public void createGroup(String code, String name) { s.write(() -> d.createGroup(code, name)); }
    @Override public void addGroupMembers(String code, Collection<String> ids) { s.write(() -> d.addGroupMembers(code, ids)); }
    @Override public void removeGroupMembers(String code, Collection<String> ids) { s.write(() -> d.removeGroupMembers(code, ids)); }
    @Override public List<RoleRef> listRoles(String namespace) { return s.read(() -> d.listRoles(namespace)); }
    @Override public void createRole(RoleRef role) { s.write(() -> d.createRole(role)); }
    @Override public void assignRole(RoleRef role, Collection<String> ids) { s.write(() -> d.assignRole(role, ids)); }
    @Override public void revokeRole(RoleRef role, Collection<String> ids) { s.write(() -> d.revokeRole(role, ids)); }
    @Override public List<DirectoryDepartment> listDepartments() { return s.read(d::listDepartments); }
    @Override public DirectoryDepartment createDepartment(String code, String name, String parent) {
      return s.write(() -> d.createDepartment(code, name, parent));
    }
    @Override public void renameDepartment(String code, String name) { s.write(() -> d.renameDepartment(code, name)); }
    @Override public void moveDepartment(String code, String parent) { s.write(() -> d.moveDepartment(code, parent)); }
    @Override public void addDepartmentMembers(String code, Collection<String> ids) { s.write(() -> d.addDepartmentMembers(code, ids)); }
    @Override public void removeDepartmentMembers(String code, Collection<String> ids) { s.write(() -> d.removeDepartmentMembers(code, ids)); }
    @Override public void setMainDepartment(String userId, String code) { s.write(() -> d.setMainDepartment(userId, code)); }
    @Override public MembershipIndex readMemberships(Collection<String> groups, Collection<RoleRef> roles, Collection<String> departments) {
      return s.read(() -> d.readMemberships(groups, roles, departments));
    }
    @Override public void deleteGroup(String code) { s.write(() -> d.deleteGroup(code)); }
    @Override public void deleteDepartment(String code) { s.write(() -> d.deleteDepartment(code)); }
    @Override public int lookupBatchSize() { return d.lookupBatchSize(); }
    @Override public Map<String, Long> callCounts() { return d.callCounts(); }
    @Override public void checkAccess() { s.read(() -> { d.checkAccess(); return null; }); }
    @Override public void close() { d.close(); }
  }

  /** The state store as seen by the dying process: reads work until the crash, writes stop with it. */
  static final class CrashingStateStore implements StateStore {
    private final StateStore st;
    private final Switch s;

    CrashingStateStore(StateStore delegate, Switch crash) {
      this.st = delegate;
      this.s = crash;
    }

    @Override public String startRun(String job, boolean dryRun, Instant at) { return s.read(() -> st.startRun(job, dryRun, at)); }
    @Override public void finishRun(RunReport report) { s.read(() -> { st.finishRun(report); return null; }); }
    @Override public List<RunSummary> recentRuns(int limit) { return s.read(() -> st.recentRuns(limit)); }
    @Override public void journal(JournalEntry entry) { s.read(() -> { st.journal(entry); return null; }); }
    @Override public List<JournalEntry> journalOf(String runId) { return s.read(() -> st.journalOf(runId)); }
    @Override public Map<ExternalId, ManagedUser> managedUsers(String job) { return s.read(() -> st.managedUsers(job)); }
    @Override public void saveManaged(String job, Collection<ManagedUser> users) { s.read(() -> { st.saveManaged(job, users); return null; }); }
    @Override public void forgetManaged(String job, Collection<ExternalId> ids) { s.read(() -> { st.forgetManaged(job, ids); return null; }); }
    @Override public ManagedContainers managedContainers(String job) { return s.read(() -> st.managedContainers(job)); }
    @Override public void saveManagedContainers(String job, ManagedContainers c) { s.read(() -> { st.saveManagedContainers(job, c); return null; }); }
    @Override public Optional<String> watermark(String job, String name) { return s.read(() -> st.watermark(job, name)); }
    @Override public void saveWatermark(String job, String name, String value) { s.read(() -> { st.saveWatermark(job, name, value); return null; }); }
    @Override public void close() { }
  }
}
