package io.dirsync.source.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.Secret;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;

/** A test's own in-memory LDAP server on 127.0.0.1, port 0, seeded from a test resource LDIF. */
final class InMemoryLdap implements AutoCloseable {
  static final String BASE = "dc=example,dc=org";
  static final String ADMIN = "cn=admin,dc=example,dc=org";
  static final String PASSWORD = "s3cret-Pa55";

  final InMemoryDirectoryServer server;

  InMemoryLdap(String resource, InMemoryOperationInterceptor... interceptors) throws Exception {
    this(resource, 0, interceptors);
  }

  /** @param maxSizeLimit entries one search may return (0: no limit), to prove paging works */
  InMemoryLdap(String resource, int maxSizeLimit, InMemoryOperationInterceptor... interceptors) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setMaxSizeLimit(maxSizeLimit);
    config.addAdditionalBindCredentials(ADMIN, PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.setSchema(null);
    for (InMemoryOperationInterceptor interceptor : interceptors) config.addInMemoryOperationInterceptor(interceptor);
    server = new InMemoryDirectoryServer(config);
    if (resource != null) {
      try (InputStream in = InMemoryLdap.class.getResourceAsStream(resource)) {
        server.importFromLDIF(true, new LDIFReader(in));
      }
    }
    server.startListening();
  }

  void add(List<Entry> entries) throws LDAPException {
    server.addEntries(entries);
  }

  String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  /** Users under ou=People, groups under ou=Groups, departments under ou=Departments. */
  LdapSourceConfig config() {
    return LdapSourceConfig.ldap(List.of(url()), ADMIN, new Secret(PASSWORD),
        new Users("ou=People," + BASE, Scope.SUB, "(objectClass=inetOrgPerson)"),
        new Groups("ou=Groups," + BASE, Scope.SUB, "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))",
            "member", false),
        new Departments("ou=Departments," + BASE, Scope.SUB, null, null));
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
