package io.dirsync.mapping.join;

import io.dirsync.model.DesiredUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Everything the sources said about one join key. Mutable while the join collects it. */
final class Person {
  final String key;
  /** the mapped user of each source the person is in. */
  final Map<String, DesiredUser> users = new LinkedHashMap<>();
  /** every entry DN by source (more than one means the key is ambiguous there). */
  final Map<String, List<String>> dns = new LinkedHashMap<>();
  /** sources whose entry for this key could not be mapped. */
  final TreeSet<String> failed = new TreeSet<>();
  /** the leaver source's end date and status, or null. */
  LeaverRule.Facts facts;

  Person(String key) {
    this.key = key;
  }

  void found(String source, String dn) {
    dns.computeIfAbsent(source, s -> new ArrayList<>()).add(dn);
  }

  boolean in(String source) {
    return users.containsKey(source);
  }

  /** "hr row:4, ad CN=Ada,OU=Staff,…" */
  String where() {
    List<String> parts = new ArrayList<>();
    dns.forEach((source, list) -> parts.add(source + " " + String.join(" + ", list)));
    return String.join(", ", parts);
  }

  String firstDn() {
    return dns.values().stream().flatMap(List::stream).findFirst().orElse(key);
  }
}
