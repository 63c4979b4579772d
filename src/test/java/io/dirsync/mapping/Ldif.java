package io.dirsync.mapping;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReader;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a test LDIF into source entries the way a source would deliver them: kinds from the object
 * classes, binary attributes as bytes, group members with nested groups resolved.
 */
final class Ldif {
  private static final Set<String> BINARY = Set.of("objectguid", "objectsid");

  private Ldif() {}

  static List<SourceEntry> read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  static List<SourceEntry> resource(String name) throws Exception {
    try (InputStream in = Ldif.class.getResourceAsStream("/mapping/" + name)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + name);
      return read(in);
    }
  }

  private static List<SourceEntry> read(InputStream in) throws Exception {
    List<Entry> entries = new ArrayList<>();
    try (LDIFReader reader = new LDIFReader(in)) {
      for (Entry e = reader.readEntry(); e != null; e = reader.readEntry()) entries.add(e);
    }
    Map<String, Entry> byDn = new HashMap<>();
    for (Entry e : entries) byDn.put(e.getParsedDN().toNormalizedString(), e);
    List<SourceEntry> out = new ArrayList<>();
    for (Entry e : entries) {
      EntryKind kind = kind(e);
      if (kind == null) continue;
      Map<String, List<String>> text = new LinkedHashMap<>();
      Map<String, List<byte[]>> binary = new LinkedHashMap<>();
      for (Attribute a : e.getAttributes()) {
        if (BINARY.contains(a.getBaseName().toLowerCase())) binary.put(a.getName(), List.of(a.getValueByteArrays()));
        else text.put(a.getName(), List.of(a.getValues()));
      }
      List<String> members = kind == EntryKind.GROUP ? members(e, byDn) : List.of();
      out.add(new SourceEntry(kind, e.getDN(), text, binary, members));
    }
    return out;
  }

  private static EntryKind kind(Entry e) {
    if (e.hasObjectClass("group") || e.hasObjectClass("groupOfNames")) return EntryKind.GROUP;
    if (e.hasObjectClass("inetOrgPerson") || e.hasObjectClass("user") && !e.hasObjectClass("computer")) return EntryKind.USER;
    if (e.hasObjectClass("organizationalUnit")) return EntryKind.DEPARTMENT;
    return null;
  }

  private static List<String> members(Entry group, Map<String, Entry> byDn) throws Exception {
    List<String> out = new ArrayList<>();
    collect(group, byDn, out, new java.util.HashSet<>());
    return out;
  }

  private static void collect(Entry group, Map<String, Entry> byDn, List<String> out, Set<String> seen) throws Exception {
    if (!seen.add(group.getParsedDN().toNormalizedString())) return;
    String[] members = group.getAttributeValues("member");
    if (members == null) return;
    for (String m : members) {
      Entry target = byDn.get(new com.unboundid.ldap.sdk.DN(m).toNormalizedString());
      if (target != null && kind(target) == EntryKind.GROUP) collect(target, byDn, out, seen);
      else if (target != null && !out.contains(target.getDN())) out.add(target.getDN());
    }
  }
}
