package io.dirsync.mapping;

import io.dirsync.config.Problems;
import io.dirsync.config.YamlFile;
import io.dirsync.config.YamlNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads mapping files (format: docs/mapping.md, schema: mappings/schema.json). Every problem in a
 * file — unknown keys and fields, unknown transforms, bad regular expressions, expression syntax
 * errors, a missing externalId rule, wrong types — is reported at once in a
 * {@link io.dirsync.config.ConfigException} as {@code file:line:column: message}. Expressions and
 * patterns are compiled here, once.
 */
public final class MappingLoader {

  private MappingLoader() {}

  /** Loads {@code file}; {@code ${env:NAME}} references are looked up in {@code env}. */
  public static Mapping load(Path file, Map<String, String> env) {
    Problems problems = new Problems();
    YamlNode root = YamlFile.load(file, env, problems);
    return compile(file.toString(), root, problems);
  }

  /** Parses mapping text; {@code name} stands for the file name in messages. */
  public static Mapping parse(String name, String yamlText) {
    Problems problems = new Problems();
    YamlNode root = YamlFile.parse(name, yamlText, Map.of(), problems);
    return compile(name, root, problems);
  }

  private static Mapping compile(String name, YamlNode root, Problems problems) {
    MappingReader reader = new MappingReader(new Expressions());
    Rules rules = reader.read(root);
    problems.throwIfAny();
    if (rules == null) throw io.dirsync.config.ConfigException.single(name, "the mapping has no users section");
    return new CompiledMapping(name, rules, reader.attributes());
  }
}
