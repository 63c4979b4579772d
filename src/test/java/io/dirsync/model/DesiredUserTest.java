package io.dirsync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DesiredUserTest {
  private static final ExternalId ID = ExternalId.of("E1");

  private static DesiredUser user(String dn, Map<String, Object> fields, Map<String, Object> custom) {
    return new DesiredUser(ID, dn, fields, Map.of(), custom, null, null, null, null, null);
  }

  @Test
  void packedValuesReadBackEqualWhateverTheirCharacters() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("username", "ann");
    fields.put("name", "Zoë Ångström");
    fields.put("familyName", "张伟");
    fields.put("nickname", "emoji 😀 at the end");
    fields.put("blocked", Boolean.TRUE);
    fields.put("loginsCount", 42L);
    fields.put("givenName", "");
    fields.put("lone", "half \uD83D pair");
    fields.put("long", "x".repeat(70_000));
    Map<String, Object> custom = Map.of("title", "Engineer", "score", 1.5, "城市", "北京");

    DesiredUser u = user("uid=ann,ou=Ünits,dc=example", fields, custom);

    assertThat(u.sourceDn()).isEqualTo("uid=ann,ou=Ünits,dc=example");
    assertThat(user("cn=Lee\\, Ann,ou=X", Map.of(), Map.of()).sourceDn()).isEqualTo("cn=Lee\\, Ann,ou=X");
    assertThat(user(",", Map.of(), Map.of()).sourceDn()).isEqualTo(",");
    assertThat(user("dc=example", Map.of(), Map.of()).sourceDn()).isEqualTo("dc=example");
    assertThat(user("", Map.of(), Map.of()).sourceDn()).isEmpty();
    assertThat(u.fields()).isEqualTo(fields).containsOnlyKeys(fields.keySet());
    assertThat(u.customData()).isEqualTo(custom);
    fields.forEach((k, v) -> assertThat(u.fields().get(k)).as(k).isEqualTo(v));
    custom.forEach((k, v) -> assertThat(u.customData().get(k)).as(k).isEqualTo(v));
  }

  @Test
  void mapsIterateInKeyOrderAndAreUnmodifiable() {
    DesiredUser u = user(null, Map.of("username", "ann", "email", "a@x.io", "blocked", false), Map.of("b", "2", "a", "1"));

    assertThat(u.fields().keySet()).containsExactly("blocked", "email", "username");
    assertThat(u.customData().keySet()).containsExactly("a", "b");
    Map<String, Object> seen = new LinkedHashMap<>();
    u.fields().forEach(seen::put);
    assertThat(seen).containsExactly(Map.entry("blocked", false), Map.entry("email", "a@x.io"), Map.entry("username", "ann"));
    assertThat(u.fields().get("missing")).isNull();
    assertThat(u.fields().containsKey("a")).isFalse();
    assertThat(u.sourceDn()).isNull();
    assertThatThrownBy(() -> u.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalUsersAreEqualAndChangesAreSeen() {
    DesiredUser a = user("uid=a", Map.of("username", "ann"), Map.of("title", "Dr"));
    DesiredUser b = user("uid=a", new TreeMap<>(Map.of("username", "ann")), Map.of("title", "Dr"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.withFields(Map.of("username", "bob"))).isNotEqualTo(a);
    assertThat(a.withCustomData(Map.of())).isNotEqualTo(a);
    assertThat(a.withFields(Map.of("username", "bob")).customData()).isEqualTo(Map.of("title", "Dr"));
    assertThat(a.withGroups(new TreeSet<>(java.util.Set.of("g1"))).fields()).isEqualTo(Map.of("username", "ann"));
    assertThat(a.toString()).contains("externalId=E1", "sourceDn=uid=a", "fields={username=ann}", "customData={title=Dr}");
  }

  @Test
  void groupsAndDepartmentsAreSortedSetsOfTheirOwn() {
    DesiredUser u = new DesiredUser(ID, null, Map.of(), Map.of(), Map.of(), new TreeSet<>(java.util.Set.of("g2", "g1", "g3")),
        null, new TreeSet<>(java.util.Set.of("d9", "d1")), "d9", null);

    assertThat(u.groups()).containsExactly("g1", "g2", "g3").contains("g2").doesNotContain("d1");
    assertThat(u.departments()).containsExactly("d1", "d9").doesNotContain("g1");
    assertThat(u.departments().first()).isEqualTo("d1");
    assertThat(u.departments().last()).isEqualTo("d9");
    assertThat(u.groups().tailSet("g2")).containsExactly("g2", "g3");
    assertThat(u.roles()).isEmpty();
    assertThat(u.withGroups(java.util.Set.of()).groups()).isEmpty();
    assertThat(u.withGroups(java.util.Set.of()).departments()).containsExactly("d1", "d9");
    assertThat(u.withDepartments(java.util.Set.of("d1"), "d1").groups()).isEqualTo(u.groups());
    assertThat(u).isEqualTo(u.withGroups(java.util.Set.of("g1", "g2", "g3")))
        .isNotEqualTo(u.withDepartments(java.util.Set.of("d1", "d9", "g1"), "d9"));
  }

  @Test
  void nullValuesAndAStrayMainDepartmentAreRefused() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("email", null);

    assertThatThrownBy(() -> user(null, fields, Map.of())).hasMessageContaining("field email has a null value");
    assertThatThrownBy(() -> new DesiredUser(ID, null, Map.of(), Map.of(), Map.of(), null, null,
        new TreeSet<>(java.util.Set.of("d1")), "d2", null)).hasMessageContaining("main department d2 is not one of [d1]");
  }
}
