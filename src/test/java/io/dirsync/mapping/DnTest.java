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

  @Test
  void plainDnsTakeTheShortcutAndGiveWhatTheParserGives() throws Exception {
    Dn base = Dn.parse("ou=Departments,dc=bench,dc=example");
    for (String text : java.util.List.of("uid=u0000123,ou=Team 07,ou=Division 03,ou=Departments,dc=bench,dc=example",
        "CN=Group 0001,OU=Groups,DC=Bench", "mail=a.b_c-d@x.org,dc=x", "dc=x")) {
      assertThat(Dn.isPlain(text)).as(text).isTrue();
      java.util.List<javax.naming.ldap.Rdn> rdns = new java.util.ArrayList<>(new javax.naming.ldap.LdapName(text).getRdns());
      java.util.Collections.reverse(rdns);
      Dn parsed = new Dn.Parsed(rdns);
      Dn plain = Dn.parse(text);
      assertThat(plain).as(text).isInstanceOf(Dn.Plain.class);
      assertThat(Dn.key(text)).isEqualTo(parsed.key());
      for (Dn a = plain, b = parsed; !b.isEmpty(); a = a.parent(), b = b.parent()) {
        assertThat(a.key()).as(text).isEqualTo(b.key());
        assertThat(a.size()).isEqualTo(b.size());
        assertThat(a.leafType()).isEqualTo(b.leafType());
        assertThat(a.leafValue()).isEqualTo(b.leafValue());
        assertThat(a.ouPath(base)).isEqualTo(b.ouPath(base));
        assertThat(a.isUnder(base)).isEqualTo(b.isUnder(base));
        assertThat(a.parent().isEmpty()).isEqualTo(b.parent().isEmpty());
      }
    }
    for (String text : java.util.List.of("uid=a, ou=x", "cn=a\\,b,dc=x", "cn=a+sn=b,dc=x", "cn=Zoë,dc=x", "cn=a ,dc=x", "cn=,dc=x")) {
      assertThat(Dn.isPlain(text)).as(text).isFalse();
    }
  }

  @Test
  void theEmptyParentOfATopDnIsItsOwnParent() {
    Dn top = Dn.parse("dc=x").parent();
    assertThat(top.isEmpty()).isTrue();
    assertThat(top.parent().isEmpty()).isTrue();
    assertThat(top.leafValue()).isNull();
    assertThat(top.key()).isEmpty();
  }
}
