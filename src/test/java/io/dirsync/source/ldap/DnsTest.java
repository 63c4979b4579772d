package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsTest {

  private static String unboundid(String dn) throws Exception {
    return new DN(dn).toNormalizedString();
  }

  @Test
  void plainDnsNormaliseToWhatUnboundIdGivesWithoutParsing() throws Exception {
    for (String dn : List.of("uid=u000123,ou=Team 07,ou=Division 03,ou=Departments,dc=bench,dc=example",
        "CN=Group 0001,OU=Groups,DC=Bench,DC=Example", "mail=a.b_c-d@example.org,dc=x", "cn=a,dc=b",
        "ou=R-D 2,o=Corp.Example")) {
      assertThat(Dns.isPlain(dn)).as(dn).isTrue();
      assertThat(Dns.normalize(dn)).as(dn).isEqualTo(unboundid(dn));
    }
  }

  @Test
  void dnsThatNeedParsingAreStillNormalisedByUnboundId() throws Exception {
    for (String dn : List.of("uid=a, ou=People,dc=x", "uid = a,dc=x", "cn=a  b,dc=x", "cn=a\\,b,dc=x",
        "cn=a+sn=b,dc=x", "cn= a,dc=x", "cn=a ,dc=x", "cn=Zoë,dc=x", "2.5.4.3=a,dc=x", "cn=#04024869,dc=x",
        "cn=\"quoted\",dc=x")) {
      assertThat(Dns.isPlain(dn)).as(dn).isFalse();
      assertThat(Dns.normalize(dn)).as(dn).isEqualTo(unboundid(dn));
    }
  }

  @Test
  void textThatIsNoDnIsLowerCasedAndTrimmed() {
    assertThat(Dns.isPlain("not a dn")).isFalse();
    assertThat(Dns.normalize(" Not A DN ")).isEqualTo("not a dn");
  }
}
