package io.dirsync.source.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.DeltaSource.Changes;
import io.dirsync.source.DeltaSource.Position;
import io.dirsync.source.SourceException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Changes by RFC 4533 content synchronisation in refreshOnly mode (OpenLDAP's syncprov overlay), over
 * the users search: the position is the sync cookie, tied to the server it came from. Changed and
 * moved entries arrive whole; deleted ones by entryUUID (from the session log), or, when the server
 * instead lists what is present, every user not listed is gone. A cookie the server refuses
 * ({@code e-syncRefreshRequired}) means a full run.
 */
final class SyncReplChanges {
  private final LdapSourceConfig.Users users;
  private final String[] userAttributes;

  SyncReplChanges(LdapSourceConfig.Users users, String[] userAttributes) {
    this.users = users;
    this.userAttributes = userAttributes;
  }

  /** The cookie as of now: a refresh without cookie that asks for no attributes (every entry in scope, DN only). */
  Position position(LDAPConnection c) {
    Refresh refresh = refresh(c, null, new String[] {"1.1"}, e -> { });
    if (refresh == null || refresh.cookie == null) {
      throw new SourceException(SourceException.Kind.CONFIGURATION, "delta sync: the server at " + server(c)
          + " gave no sync cookie for the users search; is the syncprov overlay configured on that database?", null);
    }
    return new Position(server(c), refresh.cookie);
  }

  Optional<Changes> since(LDAPConnection c, Position since, Consumer<SourceEntry> sink) {
    if (!server(c).equals(since.server())) return Optional.empty();
    Refresh refresh = refresh(c, since.mark(), userAttributes, sink);
    if (refresh == null) return Optional.empty();
    String cookie = refresh.cookie == null ? since.mark() : refresh.cookie;
    return Optional.of(new Changes(refresh.deleted, refresh.refreshDeletes ? null : refresh.present, new Position(since.server(), cookie)));
  }

  private static String server(LDAPConnection c) {
    return "syncrepl:" + c.getConnectedAddress().toLowerCase(Locale.ROOT) + ":" + c.getConnectedPort();
  }

  private static final class Refresh {
    final Set<String> present = new HashSet<>();
    final Set<String> deleted = new HashSet<>();
    String cookie;
    boolean refreshDeletes;
  }

  /** Null when the server refused the cookie. */
  private Refresh refresh(LDAPConnection c, String cookie, String[] attributes, Consumer<SourceEntry> sink) {
    Refresh out = new Refresh();
    SearchResultListener listener = new SearchResultListener() {
      @Override
      public void searchEntryReturned(SearchResultEntry entry) {
        ContentSyncStateControl state;
        try {
          state = ContentSyncStateControl.get(entry);
        } catch (LDAPException e) {
          throw new SourceException(SourceException.Kind.CONFIGURATION, "delta sync: a bad sync state control on " + entry.getDN(), e);
        }
        if (state == null) return;
        String key = key(state.getEntryUUID());
        if (state.getState() == ContentSyncState.PRESENT) out.present.add(key);
        else if (state.getState() == ContentSyncState.DELETE) out.deleted.add(key);
        else sink.accept(EntryConverter.convert(EntryKind.USER, entry, Set.of(), List.of()));
      }

      @Override
      public void searchReferenceReturned(SearchResultReference reference) {}
    };
    SearchRequest request = new SearchRequest(listener, users.baseDn(),
        users.scope() == LdapSourceConfig.Scope.ONE ? SearchScope.ONE : SearchScope.SUB, LdapDelta.filter(users.filter()), attributes);
    request.addControl(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY,
        cookie == null ? null : new ASN1OctetString(Base64.getDecoder().decode(cookie)), false));
    request.setIntermediateResponseListener((IntermediateResponse response) -> info(response, out));
    try {
      SearchResult result = c.search(request);
      ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
      if (done != null) {
        out.refreshDeletes = done.refreshDeletes();
        if (done.getCookie() != null) out.cookie = Base64.getEncoder().encodeToString(done.getCookie().getValue());
      } else {
        out.refreshDeletes = true;
      }
      return out;
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.E_SYNC_REFRESH_REQUIRED) return null;
      throw LdapErrors.searching("content synchronisation of the users under " + users.baseDn(), users.filter(), e);
    } catch (LDAPException e) {
      throw LdapErrors.searching("content synchronisation of the users under " + users.baseDn(), users.filter(), e);
    }
  }

  private static void info(IntermediateResponse response, Refresh out) {
    ContentSyncInfoIntermediateResponse info;
    try {
      info = ContentSyncInfoIntermediateResponse.decode(response);
    } catch (LDAPException e) {
      return; // not a sync info message
    }
    if (info.getCookie() != null) out.cookie = Base64.getEncoder().encodeToString(info.getCookie().getValue());
    if (info.getType() == ContentSyncInfoType.SYNC_ID_SET) {
      Set<String> into = info.refreshDeletes() ? out.deleted : out.present;
      for (UUID uuid : info.getEntryUUIDs()) into.add(key(uuid));
    }
  }

  private static String key(UUID uuid) {
    return uuid == null ? "" : uuid.toString().toLowerCase(Locale.ROOT);
  }
}
