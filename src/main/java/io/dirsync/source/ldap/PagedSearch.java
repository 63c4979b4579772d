package io.dirsync.source.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.dirsync.config.LdapSourceConfig.Scope;
import java.util.function.Consumer;

/**
 * One search read page by page with the simple paged results control (RFC 2696). All pages go over
 * one pooled connection (servers tie the cookie to it); at most one page is held in memory.
 *
 * @param what names the search in error messages, e.g. "users search under ou=People,dc=example,dc=org"
 */
record PagedSearch(String what, String baseDn, Scope scope, String filter, String[] attributes, int pageSize) {

  static SearchScope scope(Scope scope) {
    return scope == Scope.ONE ? SearchScope.ONE : SearchScope.SUB;
  }

  /** Hands every entry to {@code each}; returns the number of pages read. */
  int run(LDAPConnectionPool pool, Consumer<SearchResultEntry> each) {
    Filter parsed = parseFilter();
    LDAPConnection connection;
    try {
      connection = pool.getConnection();
    } catch (LDAPException e) {
      throw LdapErrors.searching(what, filter, e);
    }
    boolean healthy = false;
    try {
      int pages = readPages(connection, parsed, each);
      healthy = true;
      return pages;
    } finally {
      // a search abandoned half way leaves server-side paging state behind: drop that connection
      if (healthy) {
        pool.releaseConnection(connection);
      } else {
        pool.releaseDefunctConnection(connection);
      }
    }
  }

  private int readPages(LDAPConnection connection, Filter parsed, Consumer<SearchResultEntry> each) {
    ASN1OctetString cookie = null;
    int pages = 0;
    do {
      SearchRequest request = new SearchRequest(baseDn, scope(scope), parsed, attributes);
      request.addControl(new SimplePagedResultsControl(pageSize, cookie, false));
      SearchResult result;
      try {
        result = connection.search(request);
        pages++;
        for (SearchResultEntry entry : result.getSearchEntries()) each.accept(entry);
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        cookie = response == null ? null : response.getCookie();
      } catch (LDAPException e) {
        throw LdapErrors.searching(what, filter, e);
      }
    } while (cookie != null && cookie.getValueLength() > 0);
    return pages;
  }

  Filter parseFilter() {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapErrors.searching(what, filter, e);
    }
  }
}
