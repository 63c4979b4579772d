package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.HeldContainers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Departments as the enterprise department attribute: which department's name each user gets. */
class DepartmentAttributeTest {
  private static DesiredUser user(String id, Set<String> departments, String main) {
    return DesiredUser.of(ExternalId.of(id), Map.of("username", id)).withDepartments(departments, main);
  }

  @Test
  void eachUserGetsTheNameOfItsMainOrOnlyOrFirstDepartmentAndTheStateKeepsNoDepartments() {
    DesiredState state = new DesiredState(List.of(
        user("main", Set.of("eng", "sales"), "sales"),
        user("only", Set.of("eng"), null),
        user("several", Set.of("sales", "eng"), null),
        user("none", Set.of(), null),
        DesiredUser.of(ExternalId.of("own"), Map.of("username", "own", "department", "Set by the mapping")).withDepartments(Set.of("eng"), null)),
        List.of(new DesiredDepartment("eng", "Engineering", null, null), new DesiredDepartment("sales", "Sales", null, null)),
        List.of(), List.of(), List.of(), true, true);

    DesiredState out = DepartmentAttribute.apply(state);

    assertThat(out.departments()).isEmpty();
    assertThat(out.users()).allSatisfy(u -> {
      assertThat(u.departments()).isEmpty();
      assertThat(u.mainDepartment()).isNull();
    });
    assertThat(out.users()).extracting(u -> u.fields().get("department"))
        .containsExactly("Sales", "Engineering", "Engineering", "", "Set by the mapping");
  }

  @Test
  void aUserUnderAHeldOuKeepsTheDepartmentTheTargetHolds() {
    HeldContainers held = new HeldContainers(Set.of(), false, Set.of("eng-platform"), false, Set.of(ExternalId.of("ada")));
    DesiredState state = new DesiredState(List.of(user("ada", Set.of("eng"), "eng"), user("gil", Set.of("eng"), "eng")),
        List.of(new DesiredDepartment("eng", "Engineering", null, null)), List.of(), List.of(), List.of(), true, true, Set.of(), held);

    DesiredState out = DepartmentAttribute.apply(state);

    assertThat(out.users()).extracting(u -> u.fields().containsKey("department")).as("ada's field is left out, not moved up")
        .containsExactly(false, true);
    assertThat(out.held()).isEqualTo(held);
  }
}
