package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.Directory;
import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DirectoryDepartment;
import io.dirsync.model.Failure;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Departments applied level by level on the in-memory directory: parents first, a level at once. */
class ApplierDepartmentsTest {

  private final InMemoryDirectory directory = new InMemoryDirectory();

  /** hq at the top; rnd, sales, ops under it; rnd-eu under rnd; rnd-eu-fr under rnd-eu. */
  private static DesiredState tree() {
    List<DesiredDepartment> departments = List.of(
        new DesiredDepartment("hq", "Head office", null, "ou=hq"),
        new DesiredDepartment("rnd", "R&D", "hq", "ou=rnd"),
        new DesiredDepartment("sales", "Sales", "hq", "ou=sales"),
        new DesiredDepartment("ops", "Operations", "hq", "ou=ops"),
        new DesiredDepartment("rnd-eu", "R&D Europe", "rnd", "ou=rnd-eu"),
        new DesiredDepartment("rnd-eu-fr", "R&D France", "rnd-eu", "ou=rnd-eu-fr"));
    DesiredState company = Company.of(4);
    return new DesiredState(company.users(), departments, company.groups(), company.roles(), List.of(), true, true);
  }

  private ApplyResult apply(Directory through, Operation... ops) {
    return apply(through, false, ops);
  }

  private ApplyResult apply(Directory through, boolean saved, Operation... ops) {
    Plan plan = new Plan("job", Instant.EPOCH, List.of(ops), 1, 0, 0, List.of());
    return new Applier(through, new MemoryStateStore(), SyncHarness.fastSettings(4), SyncHarness.CLOCK)
        .apply("r", "job", plan, Map.of(), saved, ApplyListener.NONE);
  }

  private Map<String, String> parents() {
    return directory.listDepartments().stream().collect(Collectors.toMap(DirectoryDepartment::code, d -> String.valueOf(d.parentCode())));
  }

  @Test
  void aFirstSyncCreatesEveryParentBeforeItsChildren() {
    SyncHarness sync = new SyncHarness(directory);
    WatchedDirectory watched = WatchedDirectory.of(directory, "createDepartment", Set.of());
    Plan plan = sync.plan(tree());

    ApplyResult result = new Applier(watched.directory(), sync.state, sync.settings, SyncHarness.CLOCK)
        .apply("r", SyncHarness.JOB, plan, sync.lastInput.knownDirectoryIds(), false, ApplyListener.NONE);

    assertThat(result.failures()).isEmpty();
    List<String> order = watched.started();
    assertThat(order).containsExactlyInAnyOrder("hq", "rnd", "sales", "ops", "rnd-eu", "rnd-eu-fr");
    assertThat(List.of("rnd", "sales", "ops")).allSatisfy(child -> assertThat(order.indexOf(child)).isGreaterThan(order.indexOf("hq")));
    assertThat(order.indexOf("rnd")).isLessThan(order.indexOf("rnd-eu"));
    assertThat(order.indexOf("rnd-eu")).isLessThan(order.indexOf("rnd-eu-fr"));
    assertThat(parents()).containsEntry("rnd-eu-fr", "rnd-eu").containsEntry("ops", "hq").containsEntry("hq", "null");
  }

  @Test
  void departmentsOfOneLevelAreCreatedAtOnce() {
    SyncHarness sync = new SyncHarness(directory);
    WatchedDirectory watched = WatchedDirectory.of(directory, "createDepartment", Set.of("rnd", "sales", "ops"));
    Plan plan = sync.plan(tree());

    ApplyResult result = new Applier(watched.directory(), sync.state, sync.settings, SyncHarness.CLOCK)
        .apply("r", SyncHarness.JOB, plan, sync.lastInput.knownDirectoryIds(), false, ApplyListener.NONE);

    assertThat(result.failures()).isEmpty();
    assertThat(watched.mostHeldInFlight()).isEqualTo(3);
  }

  @Test
  void departmentsUnderOneWhoseCreateFailedAreNotCreatedNorMovedThereAndSaySo() {
    directory.seedDepartment("elsewhere", "Elsewhere", null);

    ApplyResult result = apply(directory,
        new Operation.CreateDepartment("a", "A", "gone"),
        new Operation.CreateDepartment("fine", "Fine", null),
        new Operation.CreateDepartment("b", "B", "a"),
        new Operation.CreateDepartment("c", "C", "b"),
        new Operation.UpdateDepartment("elsewhere", "Elsewhere", "b", "Elsewhere", null));

    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("a");
      assertThat(f.reason()).contains("gone");
    });
    assertThat(result.skipped()).containsExactly(
        new Failure(OperationKind.CREATE_DEPARTMENT, "b", "not applied: its parent department a was not created"),
        new Failure(OperationKind.CREATE_DEPARTMENT, "c", "not applied: its parent department b was not created"),
        new Failure(OperationKind.UPDATE_DEPARTMENT, "elsewhere", "not applied: its parent department b was not created"));
    assertThat(directory.calls("createDepartment")).isEqualTo(2);
    assertThat(directory.calls("moveDepartment")).isZero();
    assertThat(parents()).containsOnly(Map.entry("fine", "null"), Map.entry("elsewhere", "null"));
  }

  @Test
  void aSavedPlansDepartmentMadeByHandSinceIsSkippedAsStaleAndItsChildrenAreStillCreated() {
    directory.seedDepartment("a", "A", null);

    ApplyResult result = apply(directory, true,
        new Operation.CreateDepartment("a", "A", null), new Operation.CreateDepartment("b", "B", "a"));

    assertThat(result.skipped()).containsExactly(new Failure(OperationKind.CREATE_DEPARTMENT, "a", "stale: department a now exists"));
    assertThat(result.failures()).isEmpty();
    assertThat(parents()).containsEntry("b", "a");
  }

  @Test
  void aParentAndItsChildSwappedAreMovedWithoutACycle() {
    directory.seedDepartment("p", "P", null);
    directory.seedDepartment("q", "Q", "p");
    DesiredState swapped = new DesiredState(Company.of(2).users(), List.of(
        new DesiredDepartment("q", "Q", null, "ou=q"), new DesiredDepartment("p", "P", "q", "ou=p")),
        List.of(), List.of(Company.STAFF), List.of(), true, true);

    ApplyResult result = new SyncHarness(directory).sync(swapped);

    assertThat(result.count(OperationKind.UPDATE_DEPARTMENT, OperationOutcome.APPLIED)).isEqualTo(2);
    assertThat(parents()).containsEntry("q", "null").containsEntry("p", "q");
  }

  @Test
  void departmentsThatLeftAreDeletedChildrenFirstAndSiblingsAtOnce() {
    directory.seedDepartment("top", "Top", null);
    directory.seedDepartment("mid", "Mid", "top");
    directory.seedDepartment("leaf", "Leaf", "mid");
    directory.seedDepartment("side", "Side", "top");
    directory.seedDepartment("kept", "Kept", null);
    WatchedDirectory watched = WatchedDirectory.of(directory, "deleteDepartment", Set.of("leaf", "side"));

    ApplyResult result = apply(watched.directory(), new Operation.DeleteDepartment("leaf", "Leaf"),
        new Operation.DeleteDepartment("mid", "Mid"), new Operation.DeleteDepartment("side", "Side"),
        new Operation.DeleteDepartment("top", "Top"));

    assertThat(result.failures()).isEmpty();
    assertThat(watched.mostHeldInFlight()).isEqualTo(2);
    assertThat(watched.started()).endsWith("mid", "top");
    assertThat(parents()).containsOnlyKeys("kept");
  }
}
