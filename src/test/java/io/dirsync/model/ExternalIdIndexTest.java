package io.dirsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalIdIndexTest {
  private static DesiredUser user(String externalId, String username) {
    return new DesiredUser(ExternalId.of(externalId), "uid=" + username + ",dc=example", Map.of("username", username),
        Map.of(), Map.of(), null, null, null, null, null);
  }

  @Test
  void findsEveryUserAtItsPositionAndNoOneElse() {
    List<DesiredUser> users = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) users.add(user(String.format("E%06d", i * 3), "u" + i));
    ExternalIdIndex index = new ExternalIdIndex(users);
    for (int i = 0; i < 5_000; i++) {
      assertThat(index.indexOf(ExternalId.of(String.format("E%06d", i * 3)))).isEqualTo(i);
      assertThat(index.indexOf(ExternalId.of(String.format("E%06d", i * 3 + 1)))).isEqualTo(-1);
    }
    assertThat(index.users()).isSameAs(users);
  }

  @Test
  void tellsApartIdsWithTheSameHashAndKeepsTheFirstOfARepeatedId() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    List<DesiredUser> users = List.of(user("Aa", "first"), user("AaAa", "x"), user("Aa", "second"), user("BB", "bb"), user("BBBB", "y"));
    ExternalIdIndex index = new ExternalIdIndex(users);
    assertThat(index.indexOf(ExternalId.of("Aa"))).isEqualTo(0);
    assertThat(index.indexOf(ExternalId.of("BB"))).isEqualTo(3);
    assertThat(index.indexOf(ExternalId.of("BBBB"))).isEqualTo(4);
    assertThat(index.indexOf(ExternalId.of("AaBB"))).isEqualTo(-1);
    assertThat(index.indexOf(null)).isEqualTo(-1);
  }

  @Test
  void anEmptyListFindsNothing() {
    assertThat(new ExternalIdIndex(List.of()).indexOf(ExternalId.of("E1"))).isEqualTo(-1);
  }
}
