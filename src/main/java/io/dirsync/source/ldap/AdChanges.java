package io.dirsync.source.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.DeltaSource.Changes;
import io.dirsync.source.DeltaSource.Position;
import io.dirsync.source.SourceException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Active Directory changes by update sequence number, as Microsoft describes polling for changes:
 * the position is the DC's {@code highestCommittedUSN}, tied to the DC ({@code dsServiceName}) and
 * its database instance ({@code invocationId}, new after a restore); the changed users are those in
 * scope with a higher {@code uSNChanged}; every other object with a higher {@code uSNChanged} in the
 * domain, deleted ones too (show-deleted control {@code 1.2.840.113556.1.4.417}), is "touched", so
 * a user deleted, moved out of the base or no longer matched by the filter is seen as gone.
 */
final class AdChanges {
  static final String SHOW_DELETED = "1.2.840.113556.1.4.417";

  private final LdapSourceConfig config;
  private final String[] userAttributes;

  AdChanges(LdapSourceConfig config, String[] userAttributes) {
    this.config = config;
    this.userAttributes = userAttributes;
  }

  static Position position(LDAPConnection c) {
    try {
      Entry root = c.getEntry("", "dsServiceName", "highestCommittedUSN", "defaultNamingContext");
      String service = root == null ? null : root.getAttributeValue("dsServiceName");
      String usn = root == null ? null : root.getAttributeValue("highestCommittedUSN");
      if (service == null || usn == null) {
        throw new SourceException(SourceException.Kind.CONFIGURATION, "delta sync: the server's root DSE has no"
            + " dsServiceName/highestCommittedUSN; is it Active Directory? (set activeDirectory: false for OpenLDAP)", null);
      }
      Entry ntds = c.getEntry(service, "invocationId");
      byte[] invocation = ntds == null ? null : ntds.getAttributeValueBytes("invocationId");
      String id = invocation == null ? "" : HexFormat.of().formatHex(invocation);
      return new Position("ad:" + service.toLowerCase(Locale.ROOT) + "#" + id, usn);
    } catch (LDAPException e) {
      throw LdapErrors.searching("reading the root DSE (highestCommittedUSN)", "(objectClass=*)", e);
    }
  }

  Optional<Changes> since(LDAPConnection c, Position since, Consumer<SourceEntry> sink) {
    Position now = position(c);
    if (!now.server().equals(since.server())) return Optional.empty();
    long from;
    try {
      from = Long.parseLong(since.mark()) + 1;
      if (Long.parseLong(now.mark()) < from - 1) return Optional.empty(); // the DC went back in time
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    LdapSourceConfig.Users users = config.users();
    String changed = "(&" + wrap(users.filter()) + "(uSNChanged>=" + from + "))";
    paged(c, "changed users under " + users.baseDn(), users.baseDn(), users.scope() == LdapSourceConfig.Scope.ONE ? SearchScope.ONE : SearchScope.SUB, changed,
        userAttributes, List.of(), e -> sink.accept(EntryConverter.convert(EntryKind.USER, e, Set.of(), List.of())));
    Set<String> touched = new HashSet<>();
    String anywhere = "(uSNChanged>=" + from + ")";
    paged(c, "changed and deleted objects under " + domain(c), domain(c), SearchScope.SUB, anywhere,
        new String[] {"objectGUID"}, List.of(new Control(SHOW_DELETED, true)), e -> {
          byte[] guid = e.getAttributeValueBytes("objectGUID");
          if (guid != null && guid.length == 16) touched.add(AdValues.guidToString(guid).toLowerCase(Locale.ROOT));
        });
    return Optional.of(new Changes(touched, null, now));
  }

  private static String wrap(String filter) {
    String f = filter.trim();
    return f.startsWith("(") ? f : "(" + f + ")";
  }

  private static String domain(LDAPConnection c) {
    try {
      Entry root = c.getEntry("", "defaultNamingContext");
      String nc = root == null ? null : root.getAttributeValue("defaultNamingContext");
      if (nc == null) throw new SourceException(SourceException.Kind.CONFIGURATION, "delta sync: the root DSE has no defaultNamingContext", null);
      return nc;
    } catch (LDAPException e) {
      throw LdapErrors.searching("reading the root DSE (defaultNamingContext)", "(objectClass=*)", e);
    }
  }

  /** A paged search with extra controls, every page on {@code c}. */
  private void paged(LDAPConnection c, String what, String base, SearchScope scope, String filter, String[] attributes,
      List<Control> controls, Consumer<SearchResultEntry> each) {
    Filter parsed = LdapDelta.filter(filter);
    ASN1OctetString cookie = null;
    try {
      do {
        SearchRequest request = new SearchRequest(base, scope, parsed, attributes);
        controls.forEach(request::addControl);
        request.addControl(new SimplePagedResultsControl(config.pageSize(), cookie, false));
        SearchResult result = c.search(request);
        result.getSearchEntries().forEach(each);
        SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
        cookie = paging == null || paging.getCookie() == null || paging.getCookie().getValueLength() == 0 ? null : paging.getCookie();
      } while (cookie != null);
    } catch (LDAPException e) {
      throw LdapErrors.searching(what, filter, e);
    }
  }
}
