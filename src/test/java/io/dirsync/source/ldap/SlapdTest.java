package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.SourceCheck;
import io.dirsync.source.SourceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real OpenLDAP slapd started for this class. */
class SlapdTest {
  private static final int USERS = 2600;

  @RegisterExtension
  static final Slapd SLAPD = new Slapd(fixture());

  private static String fixture() {
    StringBuilder ldif = new StringBuilder("dn: ou=People,dc=example,dc=org\nobjectClass: organizationalUnit\nou: People\n\n");
    for (int i = 0; i < USERS; i++) {
      ldif.append("dn: uid=user").append(i).append(",ou=People,dc=example,dc=org\n")
          .append("objectClass: inetOrgPerson\nuid: user").append(i).append("\ncn: User ").append(i)
          .append("\nsn: U").append(i).append("\nmail: user").append(i).append("@example.org\n\n");
    }
    ldif.append("dn: ou=Groups,dc=example,dc=org\nobjectClass: organizationalUnit\nou: Groups\n\n")
        .append("dn: cn=staff,ou=Groups,dc=example,dc=org\nobjectClass: groupOfNames\ncn: staff\n")
        .append("member: cn=admins,ou=Groups,dc=example,dc=org\nmember: UID=user1,OU=People,DC=example,DC=org\n\n")
        .append("dn: cn=admins,ou=Groups,dc=example,dc=org\nobjectClass: groupOfNames\ncn: admins\n")
        .append("member: uid=user0,ou=People,dc=example,dc=org\nmember: cn=staff,ou=Groups,dc=example,dc=org\n\n");
    return ldif.toString();
  }

  private static LdapSourceConfig config(String url) {
    return LdapSourceConfig.ldap(List.of(url), Slapd.READER_DN, new Secret(Slapd.READER_PASSWORD),
        new Users("ou=People,dc=example,dc=org", Scope.SUB, "(objectClass=inetOrgPerson)"),
        new Groups("ou=Groups,dc=example,dc=org", Scope.SUB, "(objectClass=groupOfNames)", "member", false), null);
  }

  @Test
  void everyUserIsReadOncePastTheServersSizeLimit() throws Exception {
    try (LdapSource source = new LdapSource(config(SLAPD.url()), Map.of(EntryKind.USER, Set.of("uid", "mail")))) {
      Set<String> uids = new HashSet<>();
      int[] count = {0};
      source.read(EntryKind.USER, e -> {
        count[0]++;
        uids.add(e.first("uid"));
      });
      assertThat(count[0]).isEqualTo(USERS);
      assertThat(uids).hasSize(USERS);
      assertThat(source.lastPages()).isBetween(6, 7);
    }
    // without paging the server stops at its size limit
    try (com.unboundid.ldap.sdk.LDAPConnection c = new com.unboundid.ldap.sdk.LDAPConnection("127.0.0.1",
        Integer.parseInt(SLAPD.url().substring(SLAPD.url().lastIndexOf(':') + 1)), Slapd.READER_DN, Slapd.READER_PASSWORD)) {
      assertThatThrownBy(() -> c.search("ou=People,dc=example,dc=org", com.unboundid.ldap.sdk.SearchScope.SUB,
          "(objectClass=inetOrgPerson)", "1.1"))
          .isInstanceOfSatisfying(com.unboundid.ldap.sdk.LDAPSearchException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(com.unboundid.ldap.sdk.ResultCode.SIZE_LIMIT_EXCEEDED));
    }
  }

  @Test
  void nestedGroupsResolveOnSlapd() {
    List<SourceEntry> groups = new ArrayList<>();
    try (LdapSource source = new LdapSource(config(SLAPD.url()), Map.of())) {
      source.read(EntryKind.GROUP, groups::add);
    }
    assertThat(groups).hasSize(2).allSatisfy(g -> assertThat(g.members()).containsExactlyInAnyOrder(
        "uid=user0,ou=People,dc=example,dc=org", "UID=user1,OU=People,DC=example,DC=org"));
  }

  @Test
  void startTlsVerifiesTheServerAgainstAPemTrustStore() {
    LdapSourceConfig config = config(SLAPD.url()).withTls(true, SLAPD.caPem().toString(), null, false);
    try (LdapSource source = new LdapSource(config, Map.of())) {
      SourceCheck check = source.check();
      assertThat(check.ok()).as(check.steps().toString()).isTrue();
      assertThat(check.steps().get(0)).startsWith("connected to " + SLAPD.url() + " (StartTLS TLSv1.");
      assertThat(check.steps().get(2)).startsWith(USERS + " users match");
    }
  }

  @Test
  void ldapsVerifiesTheServerAgainstAJksTrustStore() throws Exception {
    LdapSourceConfig config = config(SLAPD.ldapsUrl())
        .withTls(false, SLAPD.caJks("changeit").toString(), new Secret("changeit"), false);
    try (LdapSource source = new LdapSource(config, Map.of())) {
      SourceCheck check = source.check();
      assertThat(check.ok()).as(check.steps().toString()).isTrue();
      assertThat(check.steps().get(0)).startsWith("connected to " + SLAPD.ldapsUrl() + " (TLS TLSv1.");
    }
  }

  @Test
  void anUntrustedCertificateIsUnreachableWithATlsMessage() {
    try (LdapSource source = new LdapSource(config(SLAPD.ldapsUrl()), Map.of())) {
      assertThatThrownBy(() -> source.read(EntryKind.USER, e -> { }))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessageContaining(SLAPD.ldapsUrl()).hasMessageContaining("TLS");
    }
  }

  @Test
  void aCertificateThatDoesNotNameTheHostIsRefused() {
    // the certificate names 127.0.0.1 only; "localhost" reaches the same server under another name
    String url = "ldaps://localhost:" + SLAPD.tlsPort();
    LdapSourceConfig config = config(url).withTls(false, SLAPD.caPem().toString(), null, false);
    try (LdapSource source = new LdapSource(config, Map.of())) {
      assertThatThrownBy(() -> source.read(EntryKind.USER, e -> { }))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessageContaining(url).hasMessageContaining("host");
    }
    String startTlsUrl = "ldap://localhost:" + SLAPD.url().substring(SLAPD.url().lastIndexOf(':') + 1);
    LdapSourceConfig startTls = config(startTlsUrl).withTls(true, SLAPD.caPem().toString(), null, false);
    try (LdapSource source = new LdapSource(startTls, Map.of())) {
      assertThatThrownBy(() -> source.read(EntryKind.USER, e -> { }))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessageContaining("host");
    }
  }

  @Test
  void insecureSkipsCertificateChecks() {
    LdapSourceConfig config = config(SLAPD.ldapsUrl()).withTls(false, null, null, true);
    try (LdapSource source = new LdapSource(config, Map.of())) {
      assertThat(source.check().steps().get(0)).contains("certificate NOT verified");
    }
  }

  @Test
  void theSecondServerIsUsedWhenTheFirstIsDown() throws Exception {
    String down = "ldap://127.0.0.1:" + Slapd.freePort();
    LdapSourceConfig config = config(SLAPD.url()).withUrls(List.of(down, SLAPD.url()));
    try (LdapSource source = new LdapSource(config, Map.of())) {
      SourceCheck check = source.check();
      assertThat(check.steps().get(0)).isEqualTo("connected to " + SLAPD.url() + " (no TLS)");
      int[] count = {0};
      source.read(EntryKind.USER, e -> count[0]++);
      assertThat(count[0]).isEqualTo(USERS);
    }
  }

  @Test
  void aWrongPasswordIsAnAuthenticationError() {
    LdapSourceConfig config = config(SLAPD.url()).withBind(Slapd.READER_DN, new Secret("not-the-Pa55"));
    try (LdapSource source = new LdapSource(config, Map.of())) {
      assertThatThrownBy(() -> source.read(EntryKind.USER, e -> { }))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTHENTICATION))
          .hasMessageNotContaining("not-the-Pa55");
      SourceCheck check = source.check();
      assertThat(check.ok()).isFalse();
      assertThat(check.steps()).last().asString().contains("AUTHENTICATION");
    }
  }
}
