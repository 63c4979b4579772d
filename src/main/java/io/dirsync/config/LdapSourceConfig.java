package io.dirsync.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code source:} section of a job: an LDAP / Active Directory server ({@code type: ldap}), the
 * embedded demo server ({@code type: ldap} with {@code embedded}) or LDIF files ({@code type: ldif}).
 * See {@code docs/source.md} for every key.
 *
 * @param type where entries come from
 * @param urls servers in failover order ({@code ldap://host:389}, {@code ldaps://host:636}); empty
 *     for LDIF and the embedded server
 * @param embedded LDIF files for an in-memory server started in-process, or null
 * @param files LDIF files read by {@code type: ldif}
 *     <p>File names ({@code files}, {@code embedded.ldif}, {@code trustStore}) are resolved against the
 *     config file's directory when relative.
 * @param startTls upgrade {@code ldap://} connections with StartTLS
 * @param trustStore PEM or JKS/PKCS#12 file with the CA certificates to trust; null = the JVM's
 * @param trustStorePassword password of a JKS/PKCS#12 trust store, or null
 * @param insecure trust every certificate and skip host name checks (logged as a warning)
 * @param bindDn DN to bind as; null = anonymous
 * @param bindPassword the bind password, or null
 * @param pageSize entries per page of a paged search (RFC 2696)
 * @param attributes extra attributes to fetch for every kind
 * @param activeDirectory AD defaults: objectGUID / objectSid / userAccountControl fetched, AD
 *     filters by default
 * @param delta delta sync ({@code delta:}), or null when every run reads the whole source
 */
public record LdapSourceConfig(
    Type type,
    List<String> urls,
    LdapEmbedded embedded,
    List<String> files,
    boolean startTls,
    String trustStore,
    Secret trustStorePassword,
    boolean insecure,
    String bindDn,
    Secret bindPassword,
    Duration connectTimeout,
    Duration responseTimeout,
    int poolSize,
    int pageSize,
    Users users,
    Groups groups,
    Departments departments,
    Set<String> attributes,
    boolean activeDirectory,
    Delta delta) {

  public static final int DEFAULT_PAGE_SIZE = 500;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private static final Set<String> KEYS = Set.of("type", "urls", "embedded", "files", "startTls", "trustStore",
      "trustStorePassword", "insecure", "bindDn", "bindPassword", "connectTimeout", "responseTimeout", "poolSize",
      "pageSize", "users", "groups", "departments", "attributes", "activeDirectory", "delta");
  private static final Set<String> DELTA_KEYS = Set.of("enabled", "fullEvery");
  private static final Set<String> USER_KEYS = Set.of("baseDn", "scope", "filter");
  private static final Set<String> GROUP_KEYS = Set.of("baseDn", "scope", "filter", "memberAttribute", "fromMemberOf");
  private static final Set<String> DEPARTMENT_KEYS = Set.of("baseDn", "scope", "filter", "fromAttribute");

  /** What the source section reads from. */
  public enum Type { LDAP, LDIF }

  /** How deep a search goes below its base DN. */
  public enum Scope { ONE, SUB }

  /** The user search: every entry it matches is a user. */
  public record Users(String baseDn, Scope scope, String filter) {
    public Users {
      if (scope == null) scope = Scope.SUB;
    }
  }

  /**
   * Where groups come from. With a base DN, group entries are read and their members resolved
   * (nested groups too); with {@code fromMemberOf}, the users' {@code memberOf} values count as
   * memberships as well, and without a base DN groups are made up from the distinct values.
   */
  public record Groups(String baseDn, Scope scope, String filter, String memberAttribute, boolean fromMemberOf) {
    public Groups {
      if (scope == null) scope = Scope.SUB;
      if (memberAttribute == null) memberAttribute = "member";
    }

    public boolean fromEntries() {
      return baseDn != null;
    }
  }

  /**
   * Where departments come from: every OU below {@code baseDn} (the base itself excluded), or the
   * distinct values of the users' {@code fromAttribute} (e.g. AD's {@code department}).
   */
  public record Departments(String baseDn, Scope scope, String filter, String fromAttribute) {
    public static final String DEFAULT_FILTER = "(objectClass=organizationalUnit)";

    public Departments {
      if (scope == null) scope = Scope.SUB;
      if (filter == null) filter = DEFAULT_FILTER;
    }
  }

  /**
   * Delta sync: after a full run, a run reads only the users that changed since (Active Directory:
   * {@code uSNChanged} and deleted objects; OpenLDAP: RFC 4533 content synchronisation). A full run
   * still happens every {@code fullEvery}, on {@code --full}, and whenever the saved position is
   * missing, refused or from another server. See docs/source.md.
   *
   * @param fullEvery the longest time between two full runs (reconciliation), at least one minute
   */
  public record Delta(Duration fullEvery) {
    public static final Duration DEFAULT_FULL_EVERY = Duration.ofHours(24);
    public static final Duration MIN_FULL_EVERY = Duration.ofMinutes(1);

    public Delta {
      if (fullEvery == null) fullEvery = DEFAULT_FULL_EVERY;
      if (fullEvery.compareTo(MIN_FULL_EVERY) < 0) {
        throw new IllegalArgumentException("delta.fullEvery must be at least 1m, not " + fullEvery);
      }
    }
  }

  /** A source without delta sync (the form before {@code delta} existed). */
  public LdapSourceConfig(Type type, List<String> urls, LdapEmbedded embedded, List<String> files, boolean startTls,
      String trustStore, Secret trustStorePassword, boolean insecure, String bindDn, Secret bindPassword,
      Duration connectTimeout, Duration responseTimeout, int poolSize, int pageSize, Users users, Groups groups,
      Departments departments, Set<String> attributes, boolean activeDirectory) {
    this(type, urls, embedded, files, startTls, trustStore, trustStorePassword, insecure, bindDn, bindPassword,
        connectTimeout, responseTimeout, poolSize, pageSize, users, groups, departments, attributes, activeDirectory, null);
  }

  public LdapSourceConfig withDelta(Delta newDelta) {
    return new LdapSourceConfig(type, urls, embedded, files, startTls, trustStore, trustStorePassword, insecure, bindDn,
        bindPassword, connectTimeout, responseTimeout, poolSize, pageSize, users, groups, departments, attributes,
        activeDirectory, newDelta);
  }

  public LdapSourceConfig {
    urls = urls == null ? List.of() : List.copyOf(urls);
    files = files == null ? List.of() : List.copyOf(files);
    attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
    if (connectTimeout == null) connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    if (responseTimeout == null) responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    if (poolSize < 1) poolSize = 1;
    if (pageSize < 1) pageSize = DEFAULT_PAGE_SIZE;
  }

  /** A plain LDAP source with defaults, for code and tests that do not read YAML. */
  public static LdapSourceConfig ldap(List<String> urls, String bindDn, Secret bindPassword, Users users,
      Groups groups, Departments departments) {
    return new LdapSourceConfig(Type.LDAP, urls, null, List.of(), false, null, null, false, bindDn, bindPassword,
        null, null, 2, DEFAULT_PAGE_SIZE, users, groups, departments, Set.of(), false);
  }

  public LdapSourceConfig withPageSize(int newPageSize) {
    return new LdapSourceConfig(type, urls, embedded, files, startTls, trustStore, trustStorePassword, insecure, bindDn,
        bindPassword, connectTimeout, responseTimeout, poolSize, newPageSize, users, groups, departments, attributes,
        activeDirectory, delta);
  }

  public LdapSourceConfig withTls(boolean newStartTls, String newTrustStore, Secret newTrustStorePassword,
      boolean newInsecure) {
    return new LdapSourceConfig(type, urls, embedded, files, newStartTls, newTrustStore, newTrustStorePassword,
        newInsecure, bindDn, bindPassword, connectTimeout, responseTimeout, poolSize, pageSize, users, groups,
        departments, attributes, activeDirectory, delta);
  }

  public LdapSourceConfig withActiveDirectory(boolean ad) {
    return new LdapSourceConfig(type, urls, embedded, files, startTls, trustStore, trustStorePassword, insecure, bindDn,
        bindPassword, connectTimeout, responseTimeout, poolSize, pageSize, users, groups, departments, attributes, ad, delta);
  }

  public LdapSourceConfig withUrls(List<String> newUrls) {
    return new LdapSourceConfig(type, newUrls, embedded, files, startTls, trustStore, trustStorePassword, insecure,
        bindDn, bindPassword, connectTimeout, responseTimeout, poolSize, pageSize, users, groups, departments,
        attributes, activeDirectory, delta);
  }

  public LdapSourceConfig withBind(String newBindDn, Secret newBindPassword) {
    return new LdapSourceConfig(type, urls, embedded, files, startTls, trustStore, trustStorePassword, insecure,
        newBindDn, newBindPassword, connectTimeout, responseTimeout, poolSize, pageSize, users, groups, departments,
        attributes, activeDirectory, delta);
  }

  public LdapSourceConfig withTimeouts(Duration connect, Duration response) {
    return new LdapSourceConfig(type, urls, embedded, files, startTls, trustStore, trustStorePassword, insecure, bindDn,
        bindPassword, connect, response, poolSize, pageSize, users, groups, departments, attributes, activeDirectory, delta);
  }

  /**
   * Reads a {@code source:} map, reporting every problem (unknown key, wrong type, missing key,
   * bad URL) to the node's {@link Problems}; returns a best-effort value either way.
   */
  public static LdapSourceConfig read(YamlNode node) {
    node.allowKeys(KEYS);
    if (!node.isMap()) {
      node.problem(node.path() + " must be a map of keys to values");
    }
    Type type = node.enumValue("type", Type.class, Type.LDAP);
    boolean ad = node.bool("activeDirectory", false);
    LdapEmbedded embedded = readEmbedded(node.get("embedded"));
    List<String> urls = node.strings("urls");
    List<String> files = node.strings("files").stream().map(f -> resolve(node, f)).toList();
    if (type == Type.LDAP) {
      if (urls.isEmpty() && embedded == null) {
        node.problem("missing required key 'urls' in " + node.path() + " (or 'embedded' for the demo server)");
      }
      checkUrls(node.get("urls"));
      if (node.get("files") != null) node.get("files").problem("'files' is only for type: ldif; use 'urls'");
    } else if (files.isEmpty()) {
      node.problem("missing required key 'files' in " + node.path() + " (type: ldif)");
    }
    int poolSize = positive(node, "poolSize", 2);
    int pageSize = positive(node, "pageSize", DEFAULT_PAGE_SIZE);
    Duration connectTimeout = node.duration("connectTimeout", DEFAULT_CONNECT_TIMEOUT);
    Duration responseTimeout = node.duration("responseTimeout", DEFAULT_RESPONSE_TIMEOUT);
    String bindDn = node.string("bindDn", null);
    Secret bindPassword = node.secret("bindPassword");
    if (bindDn != null && bindPassword == null) node.problem("bindDn is set but bindPassword is missing in " + node.path());
    Users users = readUsers(node, ad);
    Groups groups = readGroups(node.get("groups"), ad);
    Departments departments = readDepartments(node.get("departments"));
    Set<String> attributes = new LinkedHashSet<>(node.strings("attributes"));
    return new LdapSourceConfig(type, urls, embedded, files, node.bool("startTls", false), resolve(node, node.string("trustStore", null)),
        node.secret("trustStorePassword"), node.bool("insecure", false), bindDn, bindPassword, connectTimeout,
        responseTimeout, poolSize, pageSize, users, groups, departments, attributes, ad,
        readDelta(node.get("delta"), type, embedded));
  }

  private static Delta readDelta(YamlNode node, Type type, LdapEmbedded embedded) {
    if (node == null || node.isNull()) return null;
    node.allowKeys(DELTA_KEYS);
    boolean enabled = node.bool("enabled", true);
    Duration fullEvery = node.duration("fullEvery", Delta.DEFAULT_FULL_EVERY);
    if (fullEvery.compareTo(Delta.MIN_FULL_EVERY) < 0) {
      node.get("fullEvery").problem(node.path() + ".fullEvery must be at least 1m (the longest time between two full"
          + " reconciliations), not " + fullEvery);
      fullEvery = Delta.DEFAULT_FULL_EVERY;
    }
    if (!enabled) return null;
    if (type != Type.LDAP || embedded != null) {
      node.problem(node.path() + " needs an LDAP server (OpenLDAP with the syncprov overlay, or Active Directory);"
          + " LDIF files and the embedded demo server keep no change history");
      return null;
    }
    return new Delta(fullEvery);
  }

  private static LdapEmbedded readEmbedded(YamlNode node) {
    if (node == null) return null;
    node.allowKeys(Set.of("ldif"));
    List<String> ldif = node.strings("ldif").stream().map(f -> resolve(node, f)).toList();
    if (ldif.isEmpty()) node.problem("missing required key 'ldif' in " + node.path());
    return new LdapEmbedded(ldif);
  }

  /** {@code file} relative to the directory of the YAML file {@code node} came from. */
  private static String resolve(YamlNode node, String file) {
    if (file == null || file.isBlank()) return file;
    java.nio.file.Path path = java.nio.file.Path.of(file);
    if (path.isAbsolute()) return file;
    java.nio.file.Path dir = java.nio.file.Path.of(node.file()).toAbsolutePath().getParent();
    return dir.resolve(path).normalize().toString();
  }

  private static void checkUrls(YamlNode urls) {
    if (urls == null) return;
    for (YamlNode item : urls.items()) {
      String text = item.isScalar() ? item.asText() : null;
      if (text == null) continue;
      String lower = text.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
        item.problem(item.path() + " must start with ldap:// or ldaps://, not '" + text + "'");
      } else {
        try {
          LdapUrl.parse(text);
        } catch (IllegalArgumentException e) {
          item.problem(item.path() + ": " + e.getMessage());
        }
      }
    }
  }

  private static int positive(YamlNode node, String key, int defaultValue) {
    int value = node.integer(key, defaultValue);
    if (value < 1) {
      node.get(key).problem(node.path() + "." + key + " must be at least 1, not " + value);
      return defaultValue;
    }
    return value;
  }

  private static Users readUsers(YamlNode parent, boolean ad) {
    YamlNode node = parent.required("users");
    if (node == null) return new Users(null, Scope.SUB, defaultUserFilter(ad));
    node.allowKeys(USER_KEYS);
    return new Users(node.requiredString("baseDn"), node.enumValue("scope", Scope.class, Scope.SUB),
        node.string("filter", defaultUserFilter(ad)));
  }

  private static Groups readGroups(YamlNode node, boolean ad) {
    if (node == null) return null;
    node.allowKeys(GROUP_KEYS);
    String baseDn = node.string("baseDn", null);
    boolean fromMemberOf = node.bool("fromMemberOf", false);
    if (baseDn == null && !fromMemberOf) {
      node.problem(node.path() + " needs a 'baseDn', or 'fromMemberOf: true', or both");
    }
    String memberAttribute = node.string("memberAttribute", "member");
    if (!memberAttribute.equalsIgnoreCase("member") && !memberAttribute.equalsIgnoreCase("uniqueMember")) {
      node.get("memberAttribute").problem(node.path() + ".memberAttribute must be member or uniqueMember, not '"
          + memberAttribute + "'");
    }
    String defaultFilter = ad ? "(objectClass=group)" : "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))";
    return new Groups(baseDn, node.enumValue("scope", Scope.class, Scope.SUB), node.string("filter", defaultFilter),
        memberAttribute, fromMemberOf);
  }

  private static Departments readDepartments(YamlNode node) {
    if (node == null) return null;
    node.allowKeys(DEPARTMENT_KEYS);
    String baseDn = node.string("baseDn", null);
    String fromAttribute = node.string("fromAttribute", null);
    if (baseDn == null && fromAttribute == null) {
      node.problem(node.path() + " needs a 'baseDn' (departments from OUs) or a 'fromAttribute'");
    }
    return new Departments(baseDn, node.enumValue("scope", Scope.class, Scope.SUB),
        node.string("filter", Departments.DEFAULT_FILTER), fromAttribute);
  }

  private static String defaultUserFilter(boolean ad) {
    return ad ? "(&(objectCategory=person)(objectClass=user))"
        : "(|(objectClass=inetOrgPerson)(objectClass=person))";
  }
}
