package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnTest {

  @Test
  void spellingsOfOneDnShareAKey() {
    assertThat(Dn.key("UID=Ann, OU=People,DC=Example")).isEqualTo(Dn.key("uid=ann,ou=people,dc=example"));
    assertThat(Dn.key("cn=R\\2CD,dc=x")).isEqualTo(Dn.key("cn=r\\,d,dc=x"));
    assertThat(Dn.key("cn=a+uid=b,dc=x")).isEqualTo(Dn.key("UID=b+CN=a,dc=x"));
    assertThat(Dn.key("not a dn")).isEqualTo("not a dn");
  }

  @Test
  void theOuPathRunsFromTheTopAndStopsAtTheBase() {
    Dn user = Dn.parse("uid=a,ou=平台部,ou=研发中心,ou=Departments,dc=corp,dc=example");
    assertThat(user.ouPath(Dn.parse("ou=Departments,dc=corp,dc=example"))).containsExactly("研发中心", "平台部");
    assertThat(user.ouPath(null)).containsExactly("Departments", "研发中心", "平台部");
    assertThat(user.ouPath(Dn.parse("ou=Elsewhere,dc=x"))).containsExactly("Departments", "研发中心", "平台部");
  }

  @Test
  void parentsAndLeavesAreReadFromTheLeftmostRdn() {
    Dn dn = Dn.parse("cn=Sales\\, EMEA,ou=Groups,dc=x");
    assertThat(dn.leafType()).isEqualTo("cn");
    assertThat(dn.leafValue()).isEqualTo("Sales, EMEA");
    assertThat(dn.parent().key()).isEqualTo("ou=groups,dc=x");
    assertThat(dn.isUnder(Dn.parse("DC=X"))).isTrue();
    assertThat(Dn.parse("dc=x").isUnder(dn)).isFalse();
  }
}
