package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SkippedEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniqueValuesTest {
  private static DesiredUser user(String id, String email, String phone) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("username", "user-" + id);
    if (email != null) fields.put("email", email);
    if (phone != null) fields.put("phone", phone);
    return new DesiredUser(ExternalId.of(id), "uid=" + id + ",dc=x", fields, Map.of(), Map.of(), null, null, null, null, null);
  }

  @Test
  void everyUserSharingAValueIsLeftOutAndNamedWithTheOthers() {
    List<DesiredUser> users = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) users.add(user(String.format("E%04d", i), "u" + i + "@x.org", "+86138" + (10_000_000 + i)));
    users.set(10, user("E0010", "Shared@X.org ", "+8613810000010"));
    users.set(500, user("E0500", "shared@x.org", "+8613810000003"));
    users.set(900, user("E0900", "SHARED@x.org", null));
    DesiredState state = new DesiredState(users, List.of(), List.of(), List.of(), List.of(), false, false);

    DesiredState checked = UniqueValues.check(state);

    assertThat(checked.users()).hasSize(996).extracting(u -> u.externalId().value())
        .doesNotContain("E0003", "E0010", "E0500", "E0900");
    assertThat(checked.unmappedUsers()).extracting(ExternalId::value).containsExactlyInAnyOrder("E0003", "E0010", "E0500", "E0900");
    assertThat(checked.skipped()).extracting(SkippedEntry::dn)
        .containsExactly("uid=E0010,dc=x", "uid=E0500,dc=x", "uid=E0900,dc=x", "uid=E0003,dc=x");
    assertThat(checked.skipped().get(0).reason())
        .isEqualTo("email \"Shared@X.org \" is also used by uid=E0500,dc=x, uid=E0900,dc=x; neither is sent");
    assertThat(checked.skipped().get(1).reason())
        .isEqualTo("email \"shared@x.org\" is also used by uid=E0010,dc=x, uid=E0900,dc=x; "
            + "phone \"+8613810000003\" is also used by uid=E0003,dc=x; neither is sent");
    assertThat(checked.skipped().get(3).reason())
        .isEqualTo("phone \"+8613810000003\" is also used by uid=E0500,dc=x; neither is sent");
  }

  @Test
  void usersWithoutSharedValuesAreTheSameState() {
    List<DesiredUser> users = List.of(user("E1", "a@x.org", null), user("E2", "b@x.org", null), user("E3", null, null));
    DesiredState state = new DesiredState(users, List.of(), List.of(), List.of(), List.of(), false, false);
    assertThat(UniqueValues.check(state)).isSameAs(state);
  }
}
