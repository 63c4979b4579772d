package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the official SDK sends, read from its built package: per GraphQL root field (by operation
 * type), the argument names and the selected field paths (aliases ignored) of every document that
 * uses it, with the arguments of each nested field; and the REST routes it builds.
 */
final class SdkRequests {
  private static final Pattern DOCUMENT = Pattern.compile("exports\\.(\\w+Document) = (\"(?:[^\"\\\\]++|\\\\.)*+\");");
  private static final Pattern CONCAT = Pattern.compile("\"\"\\.concat\\(([^()]*)\\)((?:\\.concat\\([^()]*\\))*)");
  private static final Pattern NEXT_CONCAT = Pattern.compile("\\.concat\\(([^()]*)\\)");
  private static final Pattern METHOD = Pattern.compile("method:\\s*['\"](\\w+)['\"]");

  /** Paths ("users/list/id") selected under one root field, and the argument names per path ("" = the root field). */
  record Root(Set<String> paths, Map<String, Set<String>> arguments) {}

  /** A REST route: method ("*" when the SDK's code does not say) and a path pattern. */
  record Route(String method, Pattern path, String template) {
    boolean matches(String m, String p) {
      return (method.equals("*") || method.equalsIgnoreCase(m)) && path.matcher(p).matches();
    }
  }

  final Map<String, Root> roots = new TreeMap<>();
  final List<Route> routes = new ArrayList<>();
  int documents;

  static SdkRequests read(Path sdk) throws IOException {
    SdkRequests out = new SdkRequests();
    String types = Files.readString(sdk.resolve("build/main/types/graphql.v2.js"));
    ObjectMapper json = new ObjectMapper();
    Matcher m = DOCUMENT.matcher(types);
    while (m.find()) {
      out.addDocument(json.readValue(m.group(2), String.class));
      out.documents++;
    }
    try (Stream<Path> files = Files.walk(sdk.resolve("build/main/lib"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js") && !f.toString().endsWith(".spec.js")).toList()) {
        out.addRoutes(Files.readString(file));
      }
    }
    return out;
  }

  private void addDocument(String text) {
    Document doc = Parser.parse(text);
    Map<String, FragmentDefinition> fragments = fragments(doc);
    for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
      for (Field root : fields(op.getSelectionSet(), fragments)) {
        Root r = roots.computeIfAbsent(key(op, root), k -> new Root(new TreeSet<>(), new TreeMap<>()));
        collect(root, "", r, fragments);
      }
    }
  }

  static String key(OperationDefinition op, Field root) {
    return op.getOperation().name().toLowerCase() + " " + root.getName();
  }

  static Map<String, FragmentDefinition> fragments(Document doc) {
    Map<String, FragmentDefinition> out = new HashMap<>();
    doc.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> out.put(f.getName(), f));
    return out;
  }

  /** The fields of a selection set, fragments flattened. */
  static List<Field> fields(SelectionSet set, Map<String, FragmentDefinition> fragments) {
    List<Field> out = new ArrayList<>();
    if (set == null) return out;
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) out.add(f);
      else if (s instanceof InlineFragment i) out.addAll(fields(i.getSelectionSet(), fragments));
      else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
        out.addAll(fields(fragments.get(spread.getName()).getSelectionSet(), fragments));
      }
    }
    return out;
  }

  private static void collect(Field field, String path, Root root, Map<String, FragmentDefinition> fragments) {
    Set<String> args = root.arguments().computeIfAbsent(path, k -> new TreeSet<>());
    field.getArguments().stream().map(Argument::getName).forEach(args::add);
    for (Field child : fields(field.getSelectionSet(), fragments)) {
      String childPath = path.isEmpty() ? child.getName() : path + "/" + child.getName();
      root.paths().add(childPath);
      collect(child, childPath, root, fragments);
    }
  }

  private void addRoutes(String js) {
    Matcher m = CONCAT.matcher(js);
    while (m.find()) {
      List<String> parts = new ArrayList<>(arguments(m.group(1)));
      if (parts.isEmpty()) continue;
      parts.remove(0); // the host
      Matcher next = NEXT_CONCAT.matcher(m.group(2));
      while (next.find()) parts.addAll(arguments(next.group(1)));
      StringBuilder template = new StringBuilder();
      StringBuilder regex = new StringBuilder();
      for (String part : parts) {
        if (isLiteral(part)) {
          String literal = part.substring(1, part.length() - 1);
          template.append(literal);
          regex.append(Pattern.quote(literal));
        } else {
          template.append("{}");
          regex.append("[^/?]+");
        }
      }
      String t = template.toString();
      if (!t.startsWith("/")) continue;
      int q = t.indexOf('?');
      String path = q < 0 ? t : t.substring(0, q);
      String pattern = regex.toString();
      // cut the pattern where the query string starts (inside a quoted literal)
      if (q >= 0) pattern = Pattern.quote(path.replace("{}", "\u0000")).replace("\u0000", "\\E[^/?]+\\Q");
      String window = js.substring(Math.max(0, m.start() - 250), Math.min(js.length(), m.end() + 250));
      Matcher method = METHOD.matcher(window);
      routes.add(new Route(method.find() ? method.group(1).toUpperCase() : "*", Pattern.compile(pattern), path));
    }
  }

  private static boolean isLiteral(String s) {
    return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"));
  }

  private static List<String> arguments(String list) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (char c : list.toCharArray()) {
      if (quote != 0) {
        current.append(c);
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
        current.append(c);
      } else if (c == ',') {
        out.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.toString().isBlank()) out.add(current.toString().trim());
    return out;
  }
}
