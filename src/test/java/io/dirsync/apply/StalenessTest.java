package io.dirsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.FieldChange;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationKind;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StalenessTest {

  private final InMemoryDirectory directory = new InMemoryDirectory();
  private final MemoryStateStore state = new MemoryStateStore();

  private ApplyResult applySaved(Operation... ops) {
    Plan plan = new Plan("job", Instant.EPOCH, List.of(ops), 1, 0, 0, List.of());
    return new Applier(directory, state, SyncHarness.fastSettings(2), SyncHarness.CLOCK)
        .apply("r", "job", plan, Map.of(), true, ApplyListener.NONE);
  }

  @Test
  void anUpdateWhoseFieldChangedSinceThePlanWasMadeIsSkippedAndReported() {
    String ann = directory.seedUser("e1", Map.of("username", "ann", "name", "Ann Smith")).id();
    directory.updateUser(ann, Map.of("name", "Ann Changed By Hand"));

    ApplyResult result = applySaved(new Operation.UpdateUser(ExternalId.of("e1"), ann, List.of(new FieldChange("name", "Ann Smith", "Ann Lee"))));

    assertThat(result.skipped()).containsExactly(
        new Failure(OperationKind.UPDATE_USER, "e1", "stale: name changed since the plan was made"));
    assertThat(directory.usersByExternalId().get("e1").field("name")).isEqualTo("Ann Changed By Hand");
  }

  @Test
  void anUpdateWhoseTargetIsAsPlannedIsApplied() {
    String ann = directory.seedUser("e1", Map.of("username", "ann", "name", "Ann Smith", "loginsCount", 3L)).id();

    ApplyResult result = applySaved(new Operation.UpdateUser(ExternalId.of("e1"), ann,
        List.of(new FieldChange("name", "Ann Smith", "Ann Lee"), new FieldChange("loginsCount", 3, 4L))));

    assertThat(result.count(OperationKind.UPDATE_USER, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(directory.usersByExternalId().get("e1").field("name")).isEqualTo("Ann Lee");
  }

  @Test
  void theMainDepartmentOfAUserTheSavedPlanCreatesIsSet() {
    directory.createDepartment("d1", "Platform", null);

    ApplyResult result = applySaved(
        new Operation.CreateUser(DesiredUser.of(ExternalId.of("e9"), Map.of("username", "new-hire"))),
        new Operation.AddToDepartment("d1", List.of(ExternalId.of("e9"))),
        new Operation.SetMainDepartment(ExternalId.of("e9"), "d1", null));

    assertThat(result.skipped()).isEmpty();
    assertThat(result.count(OperationKind.SET_MAIN_DEPARTMENT, OperationOutcome.APPLIED)).isEqualTo(1);
    assertThat(directory.findByExternalId(ExternalId.of("e9"), java.util.Set.of()).orElseThrow().mainDepartment()).isEqualTo("d1");
  }

  @Test
  void aCreateWhoseExternalIdNowExistsIsSkippedAsStale() {
    directory.seedUser("e1", Map.of("username", "ann-by-hand"));

    ApplyResult result = applySaved(new Operation.CreateUser(DesiredUser.of(ExternalId.of("e1"), Map.of("username", "ann"))));

    assertThat(result.count(OperationKind.CREATE_USER, OperationOutcome.SKIPPED)).isEqualTo(1);
    assertThat(result.skipped()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("stale: "));
    assertThat(directory.allUsers()).hasSize(1);
  }

  @Test
  void aBlockOfAUserAlreadyBlockedOrGoneIsSkippedAsStale() {
    String bob = directory.seedUser("e2", Map.of("username", "bob", "blocked", true)).id();

    ApplyResult result = applySaved(new Operation.BlockUser(ExternalId.of("e2"), bob), new Operation.BlockUser(ExternalId.of("e3"), "gone"));

    assertThat(result.count(OperationKind.BLOCK_USER, OperationOutcome.SKIPPED)).isEqualTo(2);
    assertThat(directory.forcedLogouts(bob)).isZero();
  }

  @Test
  void membershipsOfASavedPlanResolveUsersThroughTheLookUps() {
    String ann = directory.seedUser("e1", Map.of("username", "ann")).id();
    directory.seedGroup("dev");

    ApplyResult result = applySaved(new Operation.AddToGroup("dev", List.of(ExternalId.of("e1"))));

    assertThat(result.failures()).isEmpty();
    assertThat(directory.usersByExternalId().get("e1").groups()).containsExactly("dev");
    assertThat(ann).isNotBlank();
  }

  @Test
  void aRenamedDepartmentRenamedAgainByHandIsSkipped() {
    directory.seedDepartment("rnd", "Research by hand", null);

    ApplyResult result = applySaved(new Operation.UpdateDepartment("rnd", "R&D", null, "Research", null));

    assertThat(result.count(OperationKind.UPDATE_DEPARTMENT, OperationOutcome.SKIPPED)).isEqualTo(1);
  }
}
