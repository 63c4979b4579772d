package io.dirsync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.ImportedPassword;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlanCodecTest {

  private static final ExternalId E1 = ExternalId.of("e1");
  private static final RoleRef ADMIN = new RoleRef("app", "admin");

  private static DesiredUser ann(ImportedPassword password) {
    Map<String, Object> fields = new TreeMap<>(Map.of("username", "ann", "blocked", false, "loginsCount", 3L));
    return new DesiredUser(E1, "uid=ann,ou=People", fields, Map.of("nickname", FieldPolicy.CREATE_ONLY),
        Map.of("level", 2L, "ratio", 0.5), new TreeSet<>(Set.of("dev")), new TreeSet<>(Set.of(ADMIN)),
        new TreeSet<>(Set.of("rnd")), "rnd", password);
  }

  private static Plan everyKind(ImportedPassword password) {
    List<Operation> ops = List.of(
        new Operation.CreateDepartment("rnd", "R&D", null),
        new Operation.UpdateDepartment("ops", "Ops", "rnd", "Operations", null),
        new Operation.CreateGroup("dev", "Developers"),
        new Operation.CreateRole(ADMIN),
        new Operation.CreateUser(ann(password)),
        new Operation.UpdateUser(E1, "u1", List.of(new FieldChange("name", "Ann", "Ann Lee"), new FieldChange("company", "Acme", null),
            new FieldChange("blocked", true, false), new FieldChange("loginsCount", 3L, 4L))),
        new Operation.SetCustomData(E1, "u1", List.of(new FieldChange("ratio", null, 0.5))),
        new Operation.AddToGroup("dev", List.of(E1, ExternalId.of("e2"))),
        new Operation.RemoveFromGroup("old", List.of(E1)),
        new Operation.AssignRole(ADMIN, List.of(E1)),
        new Operation.RevokeRole(new RoleRef("default", "x"), List.of(E1)),
        new Operation.AddToDepartment("rnd", List.of(E1)),
        new Operation.RemoveFromDepartment("hr", List.of(E1)),
        new Operation.SetMainDepartment(E1, null, "hr"),
        new Operation.BlockUser(ExternalId.of("e3"), "u3"),
        new Operation.DeleteUser(ExternalId.of("e4"), "u4"),
        new Operation.DeleteGroup("admins"),
        new Operation.DeleteDepartment("3f2a", "Old OU"));
    return new Plan("nightly", Instant.parse("2026-01-02T03:04:05Z"), ops, 10, 7, 12,
        List.of(new SkippedEntry("uid=x", "users.email", "not an email")), List.of("department 3f2a", "group admins"));
  }

  @Test
  void aPlanSurvivesTheRoundTripThroughJson() {
    PlanCodec codec = new PlanCodec();
    Plan plan = everyKind(null);

    assertThat(codec.read(codec.write(plan))).isEqualTo(plan);
  }

  @Test
  void aPasswordInAPlanNeverReachesTheJson() {
    PlanCodec codec = new PlanCodec();
    Plan plan = everyKind(new ImportedPassword("Sup3r-s3cret!", false));

    String json = codec.write(plan);

    assertThat(json).doesNotContain("Sup3r-s3cret!").contains("\"password\" : \"<omitted>\"");
    Operation.CreateUser create = (Operation.CreateUser) codec.read(json).operations().get(4);
    assertThat(create.user().password()).isNull();
    assertThat(create.user()).isEqualTo(ann(null));
  }

  @Test
  void aPasswordThatSlippedIntoTheFieldsIsNotWrittenEither() {
    DesiredUser odd = DesiredUser.of(E1, Map.of("username", "ann", "password", "hunter2"));
    Plan plan = new Plan("j", Instant.EPOCH, List.of(new Operation.CreateUser(odd),
        new Operation.UpdateUser(E1, "u1", List.of(new FieldChange("password", "old-secret", "hunter2")))), 1, 0, 0, List.of());

    String json = new PlanCodec().write(plan);
    String table = new PlanTable().render(plan);

    assertThat(json).doesNotContain("hunter2").doesNotContain("old-secret");
    assertThat(table).doesNotContain("hunter2").doesNotContain("old-secret");
  }

  @Test
  void eachOperationNamesItsKind() {
    String json = new PlanCodec().write(everyKind(null));

    assertThat(json).contains("\"kind\" : \"CREATE_DEPARTMENT\"", "\"kind\" : \"BLOCK_USER\"", "\"format\" : \"dirsync-plan/1\"");
  }

  @Test
  void aBrokenPlanFileIsRejectedNamingTheSpot() {
    String json = new PlanCodec().write(everyKind(null)).replace("\"externalId\" : \"e3\"", "\"externalId\" : 42");

    assertThatThrownBy(() -> new PlanCodec().read(json)).hasMessageContaining("operations[14].externalId");
    assertThatThrownBy(() -> new PlanCodec().read("{")).hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> new PlanCodec().read("{\"format\":\"other\"}")).hasMessageContaining("format");
  }

  @Test
  void theTableShowsTheSummaryFirstThenEachKindWithItsCount() {
    String table = new PlanTable().render(everyKind(new ImportedPassword("pw", true)));

    assertThat(table).startsWith("18 operation(s)")
        .contains("8 membership(s)")
        .containsPattern("(?m)^  ADD_TO_GROUP +1 +\\(2 membership\\(s\\)\\)$")
        .containsPattern("(?m)^UPDATE_USER \\(1\\)\n  TARGET +WHO +DETAIL\n  e1 +- +name: \"Ann\" → \"Ann Lee\", company: \"Acme\" → \\(empty\\)")
        .containsPattern("(?m)^BLOCK_USER \\(1\\)$")
        .contains("2 removal(s)")
        .contains("2 retired group(s)/role(s)/department(s)")
        .containsPattern("(?m)^  3f2a +left the source: delete \"Old OU\"")
        .contains("retired group admins: left the source")
        .contains("with initial password")
        .doesNotContain("\"pw\"");
  }

  @Test
  void usersAreNamedByUsernameEmailAndDnInTheTableAndTheJson() {
    Plan bare = everyKind(null);
    Map<ExternalId, UserLabel> names = Map.of(
        E1, new UserLabel("ann", "ann@example.org", "uid=ann,ou=People,dc=example,dc=org"),
        ExternalId.of("e2"), new UserLabel("bob", null, "uid=bob,ou=People,dc=example,dc=org"),
        ExternalId.of("e3"), new UserLabel("carl", "carl@example.org", null));
    Plan plan = new Plan(bare.job(), bare.createdAt(), bare.operations(), 10, 7, 12, bare.skipped(), bare.retired(), names);

    String table = new PlanTable().render(plan);
    String json = new PlanCodec().write(plan);

    assertThat(table).containsPattern("(?m)^  e3 +carl · carl@example.org +block and log out")
        .containsPattern("(?m)^  e1 +ann · ann@example.org · uid=ann,ou=People,dc=example,dc=org +name: \"Ann\"")
        .containsPattern("(?m)^  dev +\\+2 user\\(s\\): ann, bob$");
    assertThat(json).contains("\"username\" : \"carl\"", "\"dn\" : \"uid=ann,ou=People,dc=example,dc=org\"");
    assertThat(json.indexOf("\"summary\"")).isLessThan(json.indexOf("\"operations\""));
    assertThat(new PlanCodec().read(json).users()).isEqualTo(names);
  }

  @Test
  void anEmptyPlanSaysNoChanges() {
    Plan plan = new Plan("j", Instant.EPOCH, List.of(), 3, 3, 3, List.of());

    assertThat(new PlanTable().render(plan)).startsWith("No changes; 3 source user(s), 3 unchanged");
  }
}
