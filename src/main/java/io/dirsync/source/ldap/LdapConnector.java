package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapUrl;
import io.dirsync.source.SourceException;
import io.dirsync.source.SourceException.Kind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the failover server set and connection pool described by an {@link LdapSourceConfig}. */
final class LdapConnector {
  private static final Logger LOG = LoggerFactory.getLogger(LdapConnector.class);

  private final LdapSourceConfig config;
  private final List<LdapUrl> urls;

  LdapConnector(LdapSourceConfig config) {
    this.config = config;
    this.urls = new ArrayList<>();
    for (String url : config.urls()) {
      try {
        urls.add(LdapUrl.parse(url));
      } catch (IllegalArgumentException e) {
        throw new SourceException(Kind.CONFIGURATION, "source.urls: " + e.getMessage(), e);
      }
    }
    if (urls.isEmpty()) throw new SourceException(Kind.CONFIGURATION, "source.urls is empty: name at least one server", null);
  }

  List<LdapUrl> urls() {
    return List.copyOf(urls);
  }

  /** The servers, for messages: {@code ldap://a:389, ldap://b:389}. */
  String describe() {
    return urls.stream().map(LdapUrl::toString).collect(Collectors.joining(", "));
  }

  /** Connects (trying the servers in order), binds and returns a pool of up to {@code poolSize} connections. */
  LDAPConnectionPool open() {
    ServerSet servers = serverSet();
    try {
      LDAPConnectionPool pool = new LDAPConnectionPool(servers, bindRequest(), 1, config.poolSize());
      pool.setConnectionPoolName("dirsync-source");
      pool.setRetryFailedOperationsDueToInvalidConnections(true);
      return pool;
    } catch (LDAPException e) {
      throw LdapErrors.connecting(describe(), config.bindDn(), e);
    }
  }

  private BindRequest bindRequest() {
    if (config.bindDn() == null || config.bindDn().isBlank()) return null;
    String password = config.bindPassword() == null ? "" : config.bindPassword().value();
    return new SimpleBindRequest(config.bindDn(), password);
  }

  private ServerSet serverSet() {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
    options.setResponseTimeoutMillis(config.responseTimeout().toMillis());
    options.setUseSynchronousMode(true);
    options.setAbandonOnTimeout(true);
    boolean anyTls = config.startTls() || urls.stream().anyMatch(LdapUrl::secure);
    SSLUtil ssl = anyTls ? sslUtil() : null;
    if (ssl != null && !config.insecure()) options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    List<ServerSet> sets = new ArrayList<>();
    for (LdapUrl url : urls) {
      SocketFactory factory = null;
      PostConnectProcessor post = null;
      try {
        if (url.secure()) {
          factory = ssl.createSSLSocketFactory();
        } else if (config.startTls()) {
          post = new StartTLSPostConnectProcessor(ssl.createSSLContext());
        }
      } catch (GeneralSecurityException e) {
        throw new SourceException(Kind.CONFIGURATION, "cannot set up TLS for " + url + ": " + e.getMessage(), e);
      }
      sets.add(new SingleServerSet(url.host(), url.port(), factory == null ? SocketFactory.getDefault() : factory,
          options, bindRequest(), post));
    }
    if (sets.size() == 1) return sets.get(0);
    FailoverServerSet failover = new FailoverServerSet(sets);
    failover.setReOrderOnFailover(false);
    return failover;
  }

  private SSLUtil sslUtil() {
    if (config.insecure()) {
      LOG.warn("source insecure: true — TLS certificates and host names are NOT verified for {}; "
          + "anyone on the network path can read the bind password. Use trustStore instead.", describe());
      return new SSLUtil(new TrustAllTrustManager());
    }
    return new SSLUtil(trustManager());
  }

  private X509TrustManager trustManager() {
    String store = config.trustStore();
    if (store == null || store.isBlank()) return JVMDefaultTrustManager.getInstance();
    Path path = Path.of(store);
    if (!Files.isReadable(path)) {
      throw new SourceException(Kind.CONFIGURATION, "source.trustStore " + path + " cannot be read", null);
    }
    try {
      if (isPem(path)) return new PEMFileTrustManager(new File(store));
      char[] password = config.trustStorePassword() == null ? null : config.trustStorePassword().value().toCharArray();
      String format = store.toLowerCase(Locale.ROOT).endsWith(".p12") || store.toLowerCase(Locale.ROOT).endsWith(".pfx")
          ? "PKCS12" : "JKS";
      return new TrustStoreTrustManager(new File(store), password, format, true);
    } catch (java.security.KeyStoreException e) {
      throw new SourceException(Kind.CONFIGURATION, "source.trustStore " + path + " is not a PEM or JKS file: "
          + e.getMessage(), e);
    }
  }

  private static boolean isPem(Path path) {
    try {
      byte[] head = new byte[64];
      int n;
      try (var in = Files.newInputStream(path)) {
        n = in.read(head);
      }
      return n > 0 && new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
