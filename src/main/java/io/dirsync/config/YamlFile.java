package io.dirsync.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses a YAML file into {@link YamlNode}s that remember their line and column, so every problem
 * found later can name where it is. Syntax errors are thrown at once as a {@link ConfigException}.
 */
public final class YamlFile {

  private YamlFile() {}

  /** Loads {@code path}; {@code ${env:NAME}} is looked up in {@code env}, {@code ${file:PATH}} relative to the file. */
  public static YamlNode load(Path path, Map<String, String> env, Problems problems) {
    return load(path, env, problems, true);
  }

  /**
   * As {@link #load(Path, Map, Problems)}; with {@code resolveSecrets} false, references to
   * variables that are not set and files that cannot be read stay as written instead of being
   * problems, so a config can be checked where its secrets are not (CI).
   */
  public static YamlNode load(Path path, Map<String, String> env, Problems problems, boolean resolveSecrets) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ConfigException.single(path.toString(), "cannot read file: " + e.getMessage());
    }
    Path base = path.toAbsolutePath().getParent();
    return parse(path.toString(), text, new References(env, base, !resolveSecrets), problems);
  }

  /** Parses YAML text (tests, README examples); {@code name} is used in messages. */
  public static YamlNode parse(String name, String text, Map<String, String> env, Problems problems) {
    return parse(name, text, new References(env, Path.of(".").toAbsolutePath()), problems);
  }

  private static YamlNode parse(String name, String text, References references, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    Node root;
    try (Reader reader = new StringReader(text)) {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      int line = mark == null ? 1 : mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      throw new ConfigException(java.util.List.of(new ConfigProblem(name, line, column, "YAML syntax: " + what)));
    } catch (YAMLException | IOException e) {
      throw ConfigException.single(name, "YAML syntax: " + e.getMessage());
    }
    if (root == null) {
      throw ConfigException.single(name, "the file is empty");
    }
    return new YamlNode(name, root, "", references, problems);
  }
}
