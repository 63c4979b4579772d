package io.dirsync.plan;

import static io.dirsync.plan.Scenario.dirUser;
import static io.dirsync.plan.Scenario.ext;
import static io.dirsync.plan.Scenario.pairs;
import static io.dirsync.plan.Scenario.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.FieldChange;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.OperationKind;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.UserLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerUserTest {

  @Test
  void firstSyncCreatesEveryUser() {
    Plan plan = new Scenario().want(user("e1", "username", "ann"), user("e2", "username", "bob")).plan();

    assertThat(plan.operations()).extracting(Operation::kind).containsOnly(OperationKind.CREATE_USER);
    assertThat(plan.operations()).extracting(Operation::target).containsExactly("e1", "e2");
    assertThat(plan.sourceUsers()).isEqualTo(2);
    assertThat(plan.unchanged()).isZero();
  }

  @Test
  void thePlanNamesTheUsersItsOperationsMentionInExternalIdOrder() {
    Plan plan = new Scenario()
        .want(user("e2", "username", "bob"), user("e1", "username", "ann"), user("e3", "name", "Nameless"),
            user("e5", "username", "eve"))
        .has(dirUser("u4", "e4", "username", "dan"), dirUser("u5", "e5", "username", "eve"))
        .manages("e4", "u4")
        .plan();

    assertThat(plan.users()).containsExactly(Map.entry(ext("e1"), new UserLabel("ann", null, null)),
        Map.entry(ext("e2"), new UserLabel("bob", null, null)), Map.entry(ext("e4"), new UserLabel("dan", null, null)));
    assertThat(plan.users()).doesNotContainKeys(ext("e3"), ext("e5")).hasSize(3);
    assertThat(plan.label(ext("e2")).describe()).isEqualTo("bob");
    assertThat(plan.users()).isEqualTo(Map.of(ext("e1"), new UserLabel("ann", null, null),
        ext("e2"), new UserLabel("bob", null, null), ext("e4"), new UserLabel("dan", null, null)));
  }

  @Test
  void aSecondRunWithNoChangeGivesAnEmptyPlan() {
    Plan plan = new Scenario()
        .want(user("e1", "username", "ann", "email", "ann@x.io"))
        .has(dirUser("u1", "e1", "username", "ann", "email", "ann@x.io", "loginsCount", 3L))
        .manages("e1", "u1")
        .plan();

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void oneChangedFieldGivesOneUpdateCarryingOnlyThatField() {
    Plan plan = new Scenario()
        .want(user("e1", "username", "ann", "name", "Ann Lee", "company", "Acme"))
        .has(dirUser("u1", "e1", "username", "ann", "name", "Ann Smith", "company", "Acme"))
        .manages("e1", "u1")
        .plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateUser(ext("e1"), "u1", List.of(new FieldChange("name", "Ann Smith", "Ann Lee"))));
  }

  @Test
  void valuesEqualInMeaningNeverCauseAnUpdate() {
    Plan plan = new Scenario()
        .want(user("e1", "email", "Ann.Lee@Example.COM ", "phone", "+86 138-0013-8000", "phoneCountryCode", "+86",
            "lastLogin", "2021-03-11T20:52:50+08:00", "nickname", "", "blocked", "false", "loginsCount", "3"))
        .has(dirUser("u1", "e1", "email", "ann.lee@example.com", "phone", "13800138000", "phoneCountryCode", "+86",
            "lastLogin", "2021-03-11T12:52:50Z", "blocked", false, "loginsCount", 3L))
        .manages("e1", "u1")
        .plan();

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void aDifferentPhoneNumberIsAnUpdate() {
    Plan plan = new Scenario()
        .want(user("e1", "phone", "+86 138-0013-8001"))
        .has(dirUser("u1", "e1", "phone", "+8613800138000"))
        .plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateUser(ext("e1"), "u1", List.of(new FieldChange("phone", "+8613800138000", "+86 138-0013-8001"))));
  }

  @Test
  void anEmptiedSourceValueClearsTheField() {
    Plan plan = new Scenario().want(user("e1", "company", "")).has(dirUser("u1", "e1", "company", "Acme")).plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateUser(ext("e1"), "u1", List.of(new FieldChange("company", "Acme", null))));
  }

  @Test
  void createOnlyFieldsAreSetOnCreateButNeverUpdated() {
    DesiredUser ann = withPolicy(user("e1", "username", "ann", "nickname", "annie"), "nickname", FieldPolicy.CREATE_ONLY);
    DesiredUser bob = withPolicy(user("e2", "username", "bob", "nickname", "bobby"), "nickname", FieldPolicy.CREATE_ONLY);

    Plan plan = new Scenario().want(ann, bob).has(dirUser("u2", "e2", "username", "bob", "nickname", "changed by hand")).plan();

    assertThat(plan.operations()).hasSize(1);
    Operation.CreateUser create = (Operation.CreateUser) plan.operations().get(0);
    assertThat(create.user().fields()).containsEntry("nickname", "annie");
  }

  @Test
  void ignoredFieldsAreNeverSent() {
    DesiredUser ann = withPolicy(user("e1", "username", "ann", "photo", "a.png"), "photo", FieldPolicy.IGNORE);
    DesiredUser bob = withPolicy(user("e2", "username", "bob", "photo", "b.png"), "photo", FieldPolicy.IGNORE);

    Plan plan = new Scenario().want(ann, bob).has(dirUser("u2", "e2", "username", "bob", "photo", "other.png")).plan();

    assertThat(plan.operations()).hasSize(1);
    assertThat(((Operation.CreateUser) plan.operations().get(0)).user().fields()).containsOnlyKeys("username");
  }

  @Test
  void theCreateCarriesThePasswordAndCustomData() {
    DesiredUser ann = new DesiredUser(ext("e1"), "uid=ann", pairs("username", "ann"), Map.of(), pairs("costCenter", "42"),
        null, null, null, null, new ImportedPassword("s3cret", false));

    Operation.CreateUser create = (Operation.CreateUser) new Scenario().want(ann).plan().operations().get(0);

    assertThat(create.user().password()).isEqualTo(new ImportedPassword("s3cret", false));
    assertThat(create.user().customData()).containsEntry("costCenter", "42");
  }

  @Test
  void aHandChangeToCustomDataIsPutBack() {
    DesiredUser ann = user("e1", "username", "ann").withCustomData(pairs("costCenter", "42", "level", 3L));
    DirectoryUser held = new DirectoryUser("u1", ext("e1"), pairs("username", "ann"), pairs("costCenter", "99", "level", "3"),
        null, null, null, null);

    Plan plan = new Scenario().want(ann).has(held).manages("e1", "u1").plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.SetCustomData(ext("e1"), "u1", List.of(new FieldChange("costCenter", "99", "42"))));
  }

  @Test
  void aReturningUserThatDirsyncBlockedIsUnblocked() {
    Plan plan = new Scenario()
        .want(user("e1", "username", "ann"))
        .has(dirUser("u1", "e1", "username", "ann", "blocked", true))
        .managesRemoved("e1", "u1")
        .plan();

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateUser(ext("e1"), "u1", List.of(new FieldChange("blocked", true, false))));
  }

  @Test
  void aUserBlockedByHandIsNotUnblockedWhenTheMappingDoesNotManageBlocked() {
    Plan plan = new Scenario()
        .want(user("e1", "username", "ann"))
        .has(dirUser("u1", "e1", "username", "ann", "blocked", true))
        .manages("e1", "u1")
        .plan();

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void aUserFoundByExternalIdButNotYetManagedIsAdoptedNotCreated() {
    Scenario s = new Scenario().want(user("e1", "username", "ann")).has(dirUser("u1", "e1", "username", "ann"));

    assertThat(s.plan().isEmpty()).isTrue();
    assertThat(new Planner().matchedUsers(s.input()))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.directoryId()).isEqualTo("u1");
          assertThat(m.removed()).isFalse();
          assertThat(m.lastSeen()).isEqualTo(Scenario.NOW);
        });
  }

  @Test
  void aReturningUserUnblockedByHandIsNoLongerRememberedAsRemoved() {
    Scenario s = new Scenario()
        .want(user("e1", "username", "ann"))
        .has(dirUser("u1", "e1", "username", "ann", "blocked", false))
        .managesRemoved("e1", "u1");

    assertThat(s.plan().isEmpty()).isTrue();
    assertThat(new Planner().matchedUsers(s.input())).singleElement().satisfies(m -> assertThat(m.removed()).isFalse());
  }

  @Test
  void thePlanDoesNotDependOnTheOrderOfItsInput() {
    Scenario a = new Scenario();
    Scenario b = new Scenario();
    List<DesiredUser> users = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      users.add(user("e" + i, "username", "u" + i).withGroups(java.util.Set.of("g" + (i % 3))));
    }
    a.want(users.toArray(DesiredUser[]::new));
    Collections.shuffle(users, new Random(7));
    b.want(users.toArray(DesiredUser[]::new));

    assertThat(a.plan()).isEqualTo(b.plan());
  }

  private static DesiredUser withPolicy(DesiredUser u, String field, FieldPolicy policy) {
    return new DesiredUser(u.externalId(), u.sourceDn(), u.fields(), Map.of(field, policy), u.customData(), u.groups(), u.roles(),
        u.departments(), u.mainDepartment(), u.password());
  }
}
