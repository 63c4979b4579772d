package io.dirsync.mapping;

import io.dirsync.model.EntryKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A loaded mapping: compiled rules plus what they read. Immutable, thread-safe. */
final class CompiledMapping implements Mapping {
  private final String name;
  private final Rules rules;
  private final Map<EntryKind, Set<String>> attributes;

  CompiledMapping(String name, Rules rules, Map<EntryKind, Set<String>> attributes) {
    this.name = name;
    this.rules = rules;
    Map<EntryKind, Set<String>> copy = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) copy.put(kind, Set.copyOf(attributes.getOrDefault(kind, Set.of())));
    this.attributes = copy;
  }

  @Override
  public MappingSession newSession() {
    return new Session(rules);
  }

  /** A session with this many mapping workers (tests: one worker maps on the caller's thread). */
  MappingSession newSession(int workers) {
    return new Session(rules, workers);
  }

  @Override
  public Set<String> attributes(EntryKind kind) {
    return attributes.get(kind);
  }

  @Override
  public Set<String> roleNamespaces() {
    Set<String> out = new TreeSet<>();
    rules.roles().rules().forEach(r -> r.roles().forEach(role -> out.add(role.namespace())));
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return "Mapping[" + name + "]";
  }
}
