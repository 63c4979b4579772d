package io.dirsync.mapping.join;

import io.dirsync.config.ConfigException;
import io.dirsync.config.Problems;
import io.dirsync.config.YamlFile;
import io.dirsync.config.YamlNode;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingSession;
import io.dirsync.model.EntryKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Several sources, each with its own entry mapping, joined per person by a join key (format:
 * docs/join.md). Each source's entries are mapped on their own; the mapped users are then joined by
 * key and merged field by field in the order the join mapping gives, so what leaves {@code mapping}
 * is one ordinary {@link io.dirsync.model.DesiredState}. Immutable and thread-safe; sessions are not.
 */
public final class JoinMapping implements Mapping {
  private final String name;
  private final Map<String, JoinSource> sources;
  private final JoinRules rules;

  private JoinMapping(String name, Map<String, JoinSource> sources, JoinRules rules) {
    this.name = name;
    this.sources = sources;
    this.rules = rules;
  }

  /**
   * Loads the join mapping {@code file} for these sources (in the job's order); every problem is
   * reported at once in a {@link ConfigException}.
   */
  public static JoinMapping load(Path file, List<JoinSource> sources, Map<String, String> env) {
    Problems problems = new Problems();
    YamlNode root = YamlFile.load(file, env, problems);
    return compile(file.toString(), root, sources, problems);
  }

  /** Parses join mapping text; {@code name} stands for the file name in messages. */
  public static JoinMapping parse(String name, String yamlText, List<JoinSource> sources) {
    Problems problems = new Problems();
    YamlNode root = YamlFile.parse(name, yamlText, Map.of(), problems);
    return compile(name, root, sources, problems);
  }

  private static JoinMapping compile(String name, YamlNode root, List<JoinSource> sources, Problems problems) {
    Map<String, JoinSource> byName = new LinkedHashMap<>();
    sources.forEach(s -> byName.put(s.name(), s));
    JoinRules rules = new JoinRulesReader(List.copyOf(byName.keySet())).read(root);
    problems.throwIfAny();
    if (rules == null) throw ConfigException.single(name, "the join mapping has no join section");
    return new JoinMapping(name, byName, rules);
  }

  /** A session for one run on {@code today} (the run's date in the job's time zone; leavers are blocked from their end date on). */
  public JoinSession newSession(LocalDate today) {
    return new JoinSession(sources, rules, today);
  }

  /** Not available: a join needs to know which source each entry came from; use {@link #newSession(LocalDate)}. */
  @Override
  public MappingSession newSession() {
    throw new UnsupportedOperationException("a join mapping maps entries per source: use newSession(today)");
  }

  /** The source names, in the job's order. */
  public List<String> sourceNames() {
    return List.copyOf(sources.keySet());
  }

  /** What {@code source} must deliver for entries of {@code kind}: its mapping's attributes, its join key, the leaver attributes. */
  public Set<String> attributes(String source, EntryKind kind) {
    JoinSource s = sources.get(source);
    if (s == null) throw new IllegalArgumentException("no source named " + source);
    Set<String> out = new TreeSet<>(s.mapping().attributes(kind));
    if (kind == EntryKind.USER) {
      out.add(s.joinKey().toLowerCase(Locale.ROOT));
      if (rules.leavers() != null && rules.leavers().source().equals(source)) out.addAll(rules.leavers().attributes());
    }
    return Set.copyOf(out);
  }

  /** The attributes of every source together. */
  @Override
  public Set<String> attributes(EntryKind kind) {
    Set<String> out = new TreeSet<>();
    sources.keySet().forEach(s -> out.addAll(attributes(s, kind)));
    return Set.copyOf(out);
  }

  @Override
  public Set<String> roleNamespaces() {
    Set<String> out = new TreeSet<>();
    rules.roles().forEach(s -> out.addAll(sources.get(s).mapping().roleNamespaces()));
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return "JoinMapping[" + name + " " + sources.keySet() + "]";
  }
}
