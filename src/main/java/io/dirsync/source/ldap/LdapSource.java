package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Users;
import io.dirsync.config.LdapUrl;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.Source;
import io.dirsync.source.SourceCheck;
import io.dirsync.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * Reads users, groups and departments from an LDAP server or Active Directory with paged searches
 * over a pooled, failover-capable connection. Connects lazily on the first {@link #read} or
 * {@link #check}. Not thread-safe (see {@link Source}).
 */
public final class LdapSource implements Source {
  private final LdapSourceConfig config;
  private final LdapAttributes attributes;
  private final LdapConnector connector;
  private LDAPConnectionPool pool;
  private int lastPages;

  /**
   * @param config the {@code source:} section (type ldap, with urls)
   * @param neededAttributes per kind, the attributes the mapping reads (any case); kinds missing or
   *     empty fetch all user attributes unless {@code attributes} is configured
   */
  public LdapSource(LdapSourceConfig config, Map<EntryKind, Set<String>> neededAttributes) {
    this.config = config;
    this.attributes = new LdapAttributes(config, neededAttributes);
    this.connector = new LdapConnector(config);
  }

  @Override
  public void read(EntryKind kind, Consumer<SourceEntry> sink) {
    switch (kind) {
      case USER -> readUsers(sink);
      case GROUP -> readGroups(sink);
      case DEPARTMENT -> readDepartments(sink);
    }
  }

  /** Delta reading over this source's connections, or null when the config has no {@code delta:}. */
  public io.dirsync.source.DeltaSource delta() {
    return config.delta() == null ? null : new LdapDelta(config, attributes.forKind(EntryKind.USER), this::pool);
  }

  /** Pages the last search of {@link #read} took (for tests and progress output). */
  public int lastPages() {
    return lastPages;
  }

  private void readUsers(Consumer<SourceEntry> sink) {
    lastPages = userSearch(attributes.forKind(EntryKind.USER))
        .run(pool(), e -> sink.accept(EntryConverter.convert(EntryKind.USER, e, Set.of(), List.of())));
  }

  private PagedSearch userSearch(String[] requested) {
    Users users = config.users();
    return new PagedSearch("users search under " + users.baseDn(), users.baseDn(), users.scope(), users.filter(),
        requested, config.pageSize());
  }

  private void readGroups(Consumer<SourceEntry> sink) {
    Groups groups = config.groups();
    if (groups == null) return;
    GroupGraph graph = new GroupGraph(groups.memberAttribute(), !groups.fromEntries());
    if (groups.fromEntries()) {
      List<Entry> entries = new ArrayList<>();
      lastPages = new PagedSearch("groups search under " + groups.baseDn(), groups.baseDn(), groups.scope(),
          groups.filter(), attributes.forKind(EntryKind.GROUP), config.pageSize()).run(pool(), entries::add);
      for (Entry entry : entries) graph.addGroup(completeRanges(entry));
    }
    if (groups.fromMemberOf()) {
      userSearch(new String[] {"memberOf"}).run(pool(), user -> graph.addUser(user.getDN(), memberOf(user)));
    }
    graph.emit(sink);
  }

  private static List<String> memberOf(SearchResultEntry user) {
    String[] values = user.getAttributeValues("memberOf");
    return values == null ? List.of() : List.of(values);
  }

  private Entry completeRanges(Entry entry) {
    if (!RangeRetrieval.isRanged(entry)) return entry;
    try {
      return RangeRetrieval.complete(pool(), entry);
    } catch (LDAPException e) {
      throw LdapErrors.searching("ranged retrieval of the members of " + entry.getDN(), "(objectClass=*)", e);
    }
  }

  private void readDepartments(Consumer<SourceEntry> sink) {
    Departments departments = config.departments();
    if (departments == null) return;
    if (departments.baseDn() != null) {
      String base = Dns.normalize(departments.baseDn());
      lastPages = new PagedSearch("departments search under " + departments.baseDn(), departments.baseDn(),
          departments.scope(), departments.filter(), attributes.forKind(EntryKind.DEPARTMENT), config.pageSize())
          .run(pool(), e -> {
            if (!Dns.normalize(e.getDN()).equals(base)) {
              sink.accept(EntryConverter.convert(EntryKind.DEPARTMENT, e, Set.of(), List.of()));
            }
          });
    } else {
      TreeSet<String> names = new TreeSet<>();
      String attribute = departments.fromAttribute();
      lastPages = userSearch(new String[] {attribute}).run(pool(), user -> {
        String[] values = user.getAttributeValues(attribute);
        if (values != null) names.addAll(List.of(values));
      });
      for (String name : names) sink.accept(LdapAttributes.departmentFromValue(name));
    }
  }

  @Override
  public SourceCheck check() {
    List<String> steps = new ArrayList<>();
    try {
      LDAPConnectionPool p = pool();
      LDAPConnection connection = p.getConnection();
      try {
        steps.add("connected to " + connectedUrl(connection) + tls(connection.getSSLSession()));
      } finally {
        p.releaseConnection(connection);
      }
      steps.add(config.bindDn() == null ? "bound anonymously" : "bound as " + config.bindDn());
      long[] count = {0};
      userSearch(new String[] {"1.1"}).run(p, e -> count[0]++);
      steps.add(count[0] + " users match " + config.users().filter() + " under " + config.users().baseDn());
      return new SourceCheck(true, steps);
    } catch (SourceException e) {
      steps.add("FAILED (" + e.kind() + "): " + e.getMessage());
      return new SourceCheck(false, steps);
    } catch (LDAPException e) {
      steps.add("FAILED: " + LdapErrors.connecting(connector.describe(), config.bindDn(), e).getMessage());
      return new SourceCheck(false, steps);
    }
  }

  private String connectedUrl(LDAPConnection connection) {
    for (LdapUrl url : connector.urls()) {
      if (url.host().equalsIgnoreCase(connection.getConnectedAddress()) && url.port() == connection.getConnectedPort()) {
        return url.toString();
      }
    }
    return connection.getConnectedAddress() + ":" + connection.getConnectedPort();
  }

  private String tls(SSLSession session) {
    if (session == null) return " (no TLS)";
    String how = config.startTls() ? "StartTLS" : "TLS";
    return " (" + how + " " + session.getProtocol() + (config.insecure() ? ", certificate NOT verified" : "") + ")";
  }

  private LDAPConnectionPool pool() {
    if (pool == null) pool = connector.open();
    return pool;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
