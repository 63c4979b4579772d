package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import io.dirsync.model.EntryKind;
import io.dirsync.source.SourceException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedDemoLdapTest {
  private static Path resource(String name) throws Exception {
    return Path.of(EmbeddedDemoLdapTest.class.getResource("/source/" + name).toURI());
  }

  @Test
  void servesTheLdifOnLoopbackUntilClosed() throws Exception {
    int port;
    try (EmbeddedDemoLdap ldap = EmbeddedDemoLdap.start(List.of(resource("small.ldif")))) {
      port = ldap.port();
      assertThat(ldap.url()).isEqualTo("ldap://127.0.0.1:" + port);
      assertThat(ldap.baseDns()).containsExactly("dc=example,dc=org");
      LdapSourceConfig config = LdapSourceConfig.ldap(List.of(ldap.url()), ldap.bindDn(), new Secret(ldap.bindPassword()),
          new Users("ou=People,dc=example,dc=org", Scope.SUB, "(objectClass=inetOrgPerson)"), null,
          new Departments("ou=Departments,dc=example,dc=org", Scope.SUB, null, null));
      try (LdapSource source = new LdapSource(config, Map.of())) {
        List<String> dns = new ArrayList<>();
        source.read(EntryKind.USER, e -> dns.add(e.dn()));
        source.read(EntryKind.DEPARTMENT, e -> dns.add(e.dn()));
        assertThat(dns).hasSize(6);
      }
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aMalformedLdifNamesTheFileAndLine() {
    assertThatThrownBy(() -> EmbeddedDemoLdap.start(List.of(resource("malformed.ldif"))))
        .isInstanceOf(SourceException.class).hasMessageContaining("malformed.ldif line 9");
  }
}
