package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.DeltaSource;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Delta reading for {@link LdapSource}: Active Directory by {@code uSNChanged} and deleted objects
 * ({@link AdChanges}), other servers by RFC 4533 content synchronisation ({@link SyncReplChanges}).
 * Each step runs on one pooled connection, so the position and the changes come from the same
 * server. Not thread-safe.
 */
final class LdapDelta implements DeltaSource {
  private final LdapSourceConfig config;
  private final String[] userAttributes;
  private final Supplier<LDAPConnectionPool> pool;

  LdapDelta(LdapSourceConfig config, String[] userAttributes, Supplier<LDAPConnectionPool> pool) {
    this.config = config;
    this.userAttributes = userAttributes.clone();
    this.pool = pool;
  }

  @Override
  public Position position() {
    return withConnection("reading the change position", c -> config.activeDirectory()
        ? AdChanges.position(c) : syncRepl().position(c));
  }

  @Override
  public Optional<Changes> changesSince(Position since, Consumer<SourceEntry> sink) {
    return withConnection("reading the changes", c -> config.activeDirectory()
        ? new AdChanges(config, userAttributes).since(c, since, sink) : syncRepl().since(c, since, sink));
  }

  private SyncReplChanges syncRepl() {
    return new SyncReplChanges(config.users(), userAttributes);
  }

  @Override
  public Set<String> readUsers(Collection<String> dns, Consumer<SourceEntry> sink) {
    Set<String> missing = new TreeSet<>();
    Filter filter = filter(config.users().filter());
    withConnection("reading changed members again", c -> {
      for (String dn : dns) {
        try {
          SearchResult result = c.search(new SearchRequest(dn, SearchScope.BASE, filter, userAttributes));
          if (result.getEntryCount() == 0) missing.add(dn);
          for (SearchResultEntry e : result.getSearchEntries()) sink.accept(EntryConverter.convert(EntryKind.USER, e, Set.of(), List.of()));
        } catch (LDAPSearchException e) {
          if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) throw LdapErrors.searching("reading " + dn, config.users().filter(), e);
          missing.add(dn);
        }
      }
      return null;
    });
    return missing;
  }

  @Override
  public String key(SourceEntry entry) {
    String key = entry.first(config.activeDirectory() ? "objectGUID" : "entryUUID");
    return key == null ? null : key.toLowerCase(Locale.ROOT);
  }

  static Filter filter(String text) {
    try {
      return Filter.create(text);
    } catch (LDAPException e) {
      throw LdapErrors.searching("the users search", text, e);
    }
  }

  private <T> T withConnection(String what, Function<LDAPConnection, T> work) {
    LDAPConnectionPool p = pool.get();
    LDAPConnection connection;
    try {
      connection = p.getConnection();
    } catch (LDAPException e) {
      throw LdapErrors.searching(what, "(objectClass=*)", e);
    }
    boolean healthy = false;
    try {
      T out = work.apply(connection);
      healthy = true;
      return out;
    } finally {
      if (healthy) p.releaseConnection(connection);
      else p.releaseDefunctConnection(connection);
    }
  }
}
