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
import io.dirsync.source.SourceException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Requests page n+1 while the entries of page n are handed to {@code each}, so the server's and
   * the network's time overlap with mapping. One fetching thread per search; at most two pages are
   * held: the one being handed out and the one arriving.
   */
  private int readPages(LDAPConnection connection, Filter parsed, Consumer<SearchResultEntry> each) {
    ExecutorService fetcher = Executors.newSingleThreadExecutor(PagedSearch::fetchThread);
    try {
      Future<SearchResult> next = fetcher.submit(() -> connection.search(request(parsed, null)));
      int pages = 0;
      while (next != null) {
        SearchResult result = await(next);
        pages++;
        ASN1OctetString cookie = cookie(result);
        next = cookie == null ? null : fetcher.submit(() -> connection.search(request(parsed, cookie)));
        for (SearchResultEntry entry : result.getSearchEntries()) each.accept(entry);
      }
      return pages;
    } finally {
      fetcher.shutdownNow();
    }
  }

  private SearchRequest request(Filter parsed, ASN1OctetString cookie) {
    SearchRequest request = new SearchRequest(baseDn, scope(scope), parsed, attributes);
    request.addControl(new SimplePagedResultsControl(pageSize, cookie, false));
    return request;
  }

  private ASN1OctetString cookie(SearchResult result) {
    try {
      SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
      ASN1OctetString cookie = response == null ? null : response.getCookie();
      return cookie == null || cookie.getValueLength() == 0 ? null : cookie;
    } catch (LDAPException e) {
      throw LdapErrors.searching(what, filter, e);
    }
  }

  private SearchResult await(Future<SearchResult> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(SourceException.Kind.UNREACHABLE, what + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LDAPException ldap) throw LdapErrors.searching(what, filter, ldap);
      if (cause instanceof RuntimeException runtime) throw runtime;
      if (cause instanceof Error error) throw error;
      throw new IllegalStateException(cause);
    }
  }

  private static Thread fetchThread(Runnable task) {
    Thread thread = new Thread(task, "dirsync-ldap-pages");
    thread.setDaemon(true);
    return thread;
  }

  Filter parseFilter() {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapErrors.searching(what, filter, e);
    }
  }
}
