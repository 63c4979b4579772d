package io.dirsync.source.ldif;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import io.dirsync.config.LdapSourceConfig;
import io.dirsync.config.LdapSourceConfig.Departments;
import io.dirsync.config.LdapSourceConfig.Groups;
import io.dirsync.config.LdapSourceConfig.Scope;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.Source;
import io.dirsync.source.SourceCheck;
import io.dirsync.source.SourceException;
import io.dirsync.source.SourceException.Kind;
import io.dirsync.source.ldap.Dns;
import io.dirsync.source.ldap.EntryConverter;
import io.dirsync.source.ldap.GroupGraph;
import io.dirsync.source.ldap.LdifErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads users, groups and departments from LDIF files (a migration from an export), classified as
 * the LDAP source does: users are person / inetOrgPerson / user entries under {@code users.baseDn},
 * groups are groupOfNames / groupOfUniqueNames / group entries under {@code groups.baseDn},
 * departments are organizationalUnits below {@code departments.baseDn}. Filters are applied too,
 * except with {@code activeDirectory: true} (AD filters such as {@code objectCategory=person} only
 * mean something to AD). Files are streamed on every read; a malformed file fails with its name
 * and line. Not thread-safe.
 */
public final class LdifSource implements Source {
  private static final Set<String> USER_CLASSES = Set.of("person", "organizationalperson", "inetorgperson", "user");
  private static final Set<String> GROUP_CLASSES = Set.of("groupofnames", "groupofuniquenames", "group");
  private static final Set<String> OU_CLASSES = Set.of("organizationalunit");

  private final LdapSourceConfig config;
  private final List<Path> files;
  private final boolean searchSemantics;

  /**
   * @param config the {@code source:} section; its users / groups / departments sections say what is what
   * @param files the LDIF files, read in order
   */
  public LdifSource(LdapSourceConfig config, List<Path> files) {
    this(config, files, false);
  }

  private LdifSource(LdapSourceConfig config, List<Path> files, boolean searchSemantics) {
    this.config = config;
    this.files = List.copyOf(files);
    this.searchSemantics = searchSemantics;
  }

  /**
   * The embedded demo source ({@code embedded: {ldif: [...]}}): the entries an LDAP server loaded
   * from {@code files} would return to the configured searches — base, scope and filter only, no
   * object-class classification, every filter applied. Read straight from the files instead of
   * through an in-memory LDAP server, which answers each page by rescanning its entries and holds
   * several copies of each (20,000 users did not fit in 256 MB that way).
   */
  public static LdifSource searchedLike(LdapSourceConfig config, List<Path> files) {
    return new LdifSource(config, files, true);
  }

  @Override
  public void read(EntryKind kind, Consumer<SourceEntry> sink) {
    switch (kind) {
      case USER -> forEachUser(e -> sink.accept(EntryConverter.convert(EntryKind.USER, e, Set.of(), List.of())));
      case GROUP -> readGroups(sink);
      case DEPARTMENT -> readDepartments(sink);
    }
  }

  private void forEachUser(Consumer<Entry> each) {
    var users = config.users();
    Filter filter = filter("users", users.filter());
    scan(e -> {
      if (hasClass(e, USER_CLASSES) && under(e, users.baseDn(), users.scope()) && matches(filter, e)) each.accept(e);
    });
  }

  private void readGroups(Consumer<SourceEntry> sink) {
    Groups groups = config.groups();
    if (groups == null) return;
    GroupGraph graph = new GroupGraph(groups.memberAttribute(), !groups.fromEntries());
    if (groups.fromEntries()) {
      Filter filter = filter("groups", groups.filter());
      scan(e -> {
        if (hasClass(e, GROUP_CLASSES) && under(e, groups.baseDn(), groups.scope()) && matches(filter, e)) {
          graph.addGroup(e);
        }
      });
    }
    if (groups.fromMemberOf()) {
      forEachUser(u -> {
        String[] memberOf = u.getAttributeValues("memberOf");
        graph.addUser(u.getDN(), memberOf == null ? List.of() : List.of(memberOf));
      });
    }
    graph.emit(sink);
  }

  private void readDepartments(Consumer<SourceEntry> sink) {
    Departments departments = config.departments();
    if (departments == null) return;
    if (departments.baseDn() != null) {
      String base = Dns.normalize(departments.baseDn());
      Filter filter = filter("departments", departments.filter());
      scan(e -> {
        if (hasClass(e, OU_CLASSES) && under(e, departments.baseDn(), departments.scope())
            && !Dns.normalize(e.getDN()).equals(base) && matches(filter, e)) {
          sink.accept(EntryConverter.convert(EntryKind.DEPARTMENT, e, Set.of(), List.of()));
        }
      });
    } else {
      TreeSet<String> names = new TreeSet<>();
      forEachUser(u -> {
        String[] values = u.getAttributeValues(departments.fromAttribute());
        if (values != null) names.addAll(List.of(values));
      });
      for (String name : names) {
        sink.accept(SourceEntry.of(EntryKind.DEPARTMENT, name, Map.of("ou", List.of(name), "name", List.of(name))));
      }
    }
  }

  @Override
  public SourceCheck check() {
    List<String> steps = new ArrayList<>();
    try {
      for (Path file : files) {
        if (!Files.isReadable(file)) throw new SourceException(Kind.CONFIGURATION, "cannot read " + file, null);
      }
      steps.add("read " + files.size() + " LDIF file(s): " + files);
      long[] count = {0};
      forEachUser(e -> count[0]++);
      steps.add(count[0] + " users under " + config.users().baseDn());
      return new SourceCheck(true, steps);
    } catch (SourceException e) {
      steps.add("FAILED (" + e.kind() + "): " + e.getMessage());
      return new SourceCheck(false, steps);
    }
  }

  @Override
  public void close() {
    // nothing is held open between reads
  }

  private void scan(Consumer<Entry> each) {
    for (Path file : files) {
      try (LDIFReader reader = new LDIFReader(file.toFile())) {
        long read = 0;
        for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry(), read++) each.accept(entry);
        if (read == 0) throw LdifErrors.empty(file);
      } catch (LDIFException e) {
        throw LdifErrors.of(file, e);
      } catch (IOException e) {
        throw new SourceException(Kind.CONFIGURATION, "cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private Filter filter(String section, String text) {
    if (text == null || (config.activeDirectory() && !searchSemantics)) return null;
    try {
      return Filter.create(text);
    } catch (LDAPException e) {
      throw new SourceException(Kind.CONFIGURATION, section + ".filter " + text + " is not a valid LDAP filter: "
          + e.getExceptionMessage(), e);
    }
  }

  private static boolean matches(Filter filter, Entry entry) {
    try {
      return filter == null || filter.matchesEntry(entry);
    } catch (LDAPException e) {
      return true; // filter types that need a server (extensible matches) do not exclude entries here
    }
  }

  private boolean hasClass(Entry entry, Set<String> classes) {
    if (searchSemantics) return true;
    String[] values = entry.getObjectClassValues();
    if (values == null) return false;
    for (String value : values) {
      if (classes.contains(value.toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  private static boolean under(Entry entry, String base, Scope scope) {
    return base == null || Dns.isUnder(entry.getDN(), base, scope == Scope.ONE);
  }
}
