package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.config.ConfigProblem;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.Problems;
import io.dirsync.config.YamlFile;
import io.dirsync.config.YamlNode;
import io.dirsync.model.EntryKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapSourceConfigTest {
  private final Problems problems = new Problems();

  private LdapSourceConfig read(String yaml, Map<String, String> env) {
    YamlNode root = YamlFile.parse("job.yaml", yaml, env, problems);
    return LdapSourceConfig.read(root.get("source"));
  }

  @Test
  void aCompleteActiveDirectorySectionIsRead() {
    LdapSourceConfig config = read("""
        source:
          type: ldap
          urls: [ldaps://dc1.corp.example:636, ldaps://dc2.corp.example]
          trustStore: /etc/dirsync/corp-ca.pem   # absolute: kept as is
          bindDn: CN=svc-dirsync,OU=Service,DC=corp,DC=example
          bindPassword: ${env:AD_PASSWORD}
          connectTimeout: 5s
          responseTimeout: 2m
          poolSize: 3
          pageSize: 1000
          activeDirectory: true
          attributes: [thumbnailPhoto]
          users:
            baseDn: OU=Staff,DC=corp,DC=example
            scope: sub
          groups:
            baseDn: OU=Groups,DC=corp,DC=example
            fromMemberOf: true
          departments:
            fromAttribute: department
        """, Map.of("AD_PASSWORD", "hunter2"));

    assertThat(problems.list()).isEmpty();
    assertThat(config.urls()).containsExactly("ldaps://dc1.corp.example:636", "ldaps://dc2.corp.example");
    assertThat(config.bindPassword().value()).isEqualTo("hunter2");
    assertThat(config.trustStore()).isEqualTo("/etc/dirsync/corp-ca.pem");
    assertThat(config.bindPassword().toString()).doesNotContain("hunter2");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.responseTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.poolSize()).isEqualTo(3);
    assertThat(config.pageSize()).isEqualTo(1000);
    assertThat(config.users().filter()).isEqualTo("(&(objectCategory=person)(objectClass=user))");
    assertThat(config.users().scope()).isEqualTo(Scope.SUB);
    assertThat(config.groups().filter()).isEqualTo("(objectClass=group)");
    assertThat(config.groups().memberAttribute()).isEqualTo("member");
    assertThat(config.groups().fromMemberOf()).isTrue();
    assertThat(config.departments().fromAttribute()).isEqualTo("department");
    assertThat(config.attributes()).containsExactly("thumbnailPhoto");
    assertThat(config.activeDirectory()).isTrue();
    // builds without touching the network
    new LdapSource(config, Map.of(EntryKind.USER, java.util.Set.of("mail"))).close();
  }

  @Test
  void defaultsFillAnOpenLdapSection() {
    LdapSourceConfig config = read("""
        source:
          urls: ldap://ldap.example.org
          startTls: true
          users: {baseDn: "ou=People,dc=example,dc=org"}
        """, Map.of());

    assertThat(problems.list()).isEmpty();
    assertThat(config.type()).isEqualTo(LdapSourceConfig.Type.LDAP);
    assertThat(config.startTls()).isTrue();
    assertThat(config.pageSize()).isEqualTo(500);
    assertThat(config.bindDn()).isNull();
    assertThat(config.groups()).isNull();
    assertThat(config.users().filter()).isEqualTo("(|(objectClass=inetOrgPerson)(objectClass=person))");
  }

  @Test
  void theEmbeddedDemoSectionNeedsNoUrls() {
    LdapSourceConfig config = read("""
        source:
          type: ldap
          embedded:
            ldif: [demo/corp.ldif]
          bindDn: cn=Directory Manager
          bindPassword: demo
          pageSize: 100
          users:
            baseDn: ou=Departments,dc=corp,dc=example
            filter: (objectClass=inetOrgPerson)
          groups:
            baseDn: ou=Groups,dc=corp,dc=example
            filter: (objectClass=groupOfNames)
          departments:
            baseDn: ou=Departments,dc=corp,dc=example
        """, Map.of());

    assertThat(problems.list()).isEmpty();
    // relative to the config file's directory
    assertThat(config.embedded().ldif()).singleElement().satisfies(f -> {
      assertThat(java.nio.file.Path.of(f)).isAbsolute();
      assertThat(f).endsWith("demo/corp.ldif");
    });
    assertThat(config.departments().filter()).isEqualTo("(objectClass=organizationalUnit)");
  }

  @Test
  void unknownKeysWrongTypesAndMissingKeysAreAllReportedWithTheirPosition() {
    read("""
        source:
          urls: [ftp://example.org]
          pageSize: lots
          startTLS: true
          users:
            scope: sub
          groups:
            baseDn: ou=Groups,dc=example,dc=org
            memberAttribute: owner
        """, Map.of());

    assertThat(problems.list()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
        "job.yaml:2:10: source.urls[0] must start with ldap:// or ldaps://, not 'ftp://example.org'",
        "job.yaml:3:13: source.pageSize must be a whole number, not 'lots'",
        "job.yaml:4:3: unknown key 'startTLS' in source; expected one of "
            + "[activeDirectory, attributes, bindDn, bindPassword, connectTimeout, delta, departments, embedded, files, groups, "
            + "insecure, pageSize, poolSize, responseTimeout, startTls, trustStore, trustStorePassword, type, urls, users]",
        "job.yaml:6:5: missing required key 'baseDn' in source.users",
        "job.yaml:9:22: source.groups.memberAttribute must be member or uniqueMember, not 'owner'");
  }

  @Test
  void anLdifSourceNeedsFiles() {
    LdapSourceConfig config = read("""
        source:
          type: ldif
          users: {baseDn: "ou=People,dc=example,dc=org"}
        """, Map.of());

    assertThat(problems.list()).extracting(ConfigProblem::message)
        .containsExactly("missing required key 'files' in source (type: ldif)");
    assertThat(config.files()).isEqualTo(List.of());
  }
}
