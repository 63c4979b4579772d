package io.dirsync.source.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import io.dirsync.source.SourceException;
import io.dirsync.source.SourceException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-memory LDAP server on 127.0.0.1 (a free port) loaded from LDIF files: the demo source and
 * a test fixture. The naming contexts are the entries of the files whose parent is not in them.
 * Closing it shuts the server down.
 *
 * <pre>{@code
 * try (EmbeddedDemoLdap ldap = EmbeddedDemoLdap.start(List.of(Path.of("config/demo/corp.ldif")))) {
 *   LdapSourceConfig cfg = base.withUrls(List.of(ldap.url())).withBind(ldap.bindDn(), new Secret(ldap.bindPassword()));
 * }
 * }</pre>
 */
public final class EmbeddedDemoLdap implements AutoCloseable {
  public static final String DEFAULT_BIND_DN = "cn=Directory Manager";
  public static final String DEFAULT_PASSWORD = "demo";
  /**
   * The smallest page size worth asking this server for: it answers each page by scanning every
   * entry up to the page's end, so n entries in pages of p cost n²/2p entry matches (20,000 users in
   * pages of 100 took minutes). Pages of 10,000 keep that to a few scans.
   */
  public static final int MIN_PAGE_SIZE = 10_000;

  private final InMemoryDirectoryServer server;
  private final String bindDn;
  private final String bindPassword;

  private EmbeddedDemoLdap(InMemoryDirectoryServer server, String bindDn, String bindPassword) {
    this.server = server;
    this.bindDn = bindDn;
    this.bindPassword = bindPassword;
  }

  /** Starts a server with {@link #DEFAULT_BIND_DN} / {@link #DEFAULT_PASSWORD}. */
  public static EmbeddedDemoLdap start(List<Path> ldifFiles) {
    return start(ldifFiles, DEFAULT_BIND_DN, DEFAULT_PASSWORD);
  }

  /** Starts a server holding the entries of {@code ldifFiles}; throws SourceException (CONFIGURATION) naming a bad file and line. */
  public static EmbeddedDemoLdap start(List<Path> ldifFiles, String bindDn, String bindPassword) {
    List<Entry> entries = new ArrayList<>();
    for (Path file : ldifFiles) entries.addAll(readAll(file));
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(namingContexts(entries));
      config.addAdditionalBindCredentials(bindDn, bindPassword);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", InetAddress.getLoopbackAddress(), 0, null));
      config.setSchema(null);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.addEntries(entries);
      server.startListening();
      return new EmbeddedDemoLdap(server, bindDn, bindPassword);
    } catch (LDAPException e) {
      throw new SourceException(Kind.CONFIGURATION, "cannot start the embedded LDAP server from " + ldifFiles + ": "
          + e.getMessage(), e);
    }
  }

  /** {@code ldap://127.0.0.1:PORT}. */
  public String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  public int port() {
    return server.getListenPort();
  }

  public String bindDn() {
    return bindDn;
  }

  public String bindPassword() {
    return bindPassword;
  }

  /** The base DNs the server holds. */
  public List<String> baseDns() {
    return server.getBaseDNs().stream().map(DN::toString).toList();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  private static List<Entry> readAll(Path file) {
    List<Entry> entries = new ArrayList<>();
    try (LDIFReader reader = new LDIFReader(file.toFile())) {
      for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) entries.add(entry);
      if (entries.isEmpty()) throw LdifErrors.empty(file);
    } catch (LDIFException e) {
      throw LdifErrors.of(file, e);
    } catch (IOException e) {
      throw new SourceException(Kind.CONFIGURATION, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return entries;
  }

  private static DN[] namingContexts(List<Entry> entries) throws LDAPException {
    Set<DN> all = new LinkedHashSet<>();
    for (Entry entry : entries) all.add(entry.getParsedDN());
    List<DN> roots = new ArrayList<>();
    for (DN dn : all) {
      DN parent = dn.getParent();
      if (parent == null || !all.contains(parent)) roots.add(dn);
    }
    if (roots.isEmpty()) throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.PARAM_ERROR, "the LDIF holds no entries");
    return roots.toArray(new DN[0]);
  }
}
