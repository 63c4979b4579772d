package io.dirsync.source.csv;

import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.Source;
import io.dirsync.source.SourceCheck;
import io.dirsync.source.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Users from a CSV export, for migrations: the header row names the attributes, every other row is
 * one {@link EntryKind#USER} entry. RFC 4180 quoting (commas, line breaks and doubled quotes inside
 * quoted fields); UTF-8, with or without a byte-order mark. Empty cells are left out; with a
 * separator, cells are split into several values (each trimmed, empty ones dropped). A malformed
 * file stops the read with a {@link SourceException} naming the file, line and column. Groups and
 * departments: none. Not thread-safe; the file is read again on every {@link #read}.
 */
public final class CsvSource implements Source {
  private final Path file;
  private final String dnColumn;
  private final Pattern separator;

  /**
   * @param dnColumn the column whose value is each entry's dn (must be unique and non-empty); null:
   *     {@code row:<n>}, n counting data rows from 1
   * @param multiValueSeparator splits cells into several values, e.g. {@code ";"}; null or empty: never
   */
  public CsvSource(Path file, String dnColumn, String multiValueSeparator) {
    this.file = file;
    this.dnColumn = dnColumn == null || dnColumn.isBlank() ? null : dnColumn.trim().toLowerCase(Locale.ROOT);
    this.separator = multiValueSeparator == null || multiValueSeparator.isEmpty() ? null : Pattern.compile(Pattern.quote(multiValueSeparator));
  }

  @Override
  public void read(EntryKind kind, Consumer<SourceEntry> sink) {
    if (kind == EntryKind.USER) readUsers(sink);
  }

  @Override
  public SourceCheck check() {
    List<String> steps = new ArrayList<>();
    int[] users = {0};
    try {
      List<String> header = readUsers(e -> users[0]++);
      steps.add("read " + file + " (UTF-8)");
      steps.add("header: " + header.size() + " columns (" + String.join(", ", header) + ")");
      steps.add(users[0] + " users");
      return new SourceCheck(true, steps);
    } catch (SourceException e) {
      steps.add(e.getMessage());
      return new SourceCheck(false, steps);
    }
  }

  @Override
  public void close() {}

  /** Streams the rows to {@code sink} and returns the header. */
  private List<String> readUsers(Consumer<SourceEntry> sink) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CsvParser parser = null;
    try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      parser = new CsvParser(reader);
      List<String> header = header(parser);
      int dnIndex = dnIndex(header);
      Map<String, Integer> seenDns = new HashMap<>();
      int row = 0;
      List<String> fields;
      while ((fields = parser.next()) != null) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) continue; // blank line
        row++;
        int line = parser.recordLine();
        if (fields.size() != header.size()) {
          throw error(line, 1, "this row has " + fields.size() + " fields, the header has " + header.size());
        }
        String dn = dnIndex < 0 ? "row:" + row : fields.get(dnIndex).trim();
        if (dn.isEmpty()) throw error(line, 1, "column " + (dnIndex + 1) + " (" + header.get(dnIndex) + "), the dn, is empty");
        Integer earlier = seenDns.putIfAbsent(dn, line);
        if (earlier != null) throw error(line, 1, "dn \"" + dn + "\" is already used on line " + earlier);
        sink.accept(SourceEntry.of(EntryKind.USER, dn, attributes(header, fields)));
      }
      return header;
    } catch (CsvParser.FormatException e) {
      throw error(e.line, e.column, e.getMessage());
    } catch (CharacterCodingException e) {
      int near = parser == null ? 1 : parser.recordLine();
      throw new SourceException(SourceException.Kind.CONFIGURATION, file + ": not valid UTF-8 (near line " + near + ")", e);
    } catch (NoSuchFileException e) {
      throw new SourceException(SourceException.Kind.CONFIGURATION, file + ": no such file", e);
    } catch (IOException e) {
      throw new SourceException(SourceException.Kind.CONFIGURATION, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private List<String> header(CsvParser parser) throws IOException, CsvParser.FormatException {
    List<String> raw = parser.next();
    if (raw == null) throw error(1, 1, "the file is empty; expected a header row naming the columns");
    List<String> header = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) throw error(1, 1, "header column " + (i + 1) + " has no name");
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) throw error(1, 1, "header column " + (i + 1) + " repeats \"" + name + "\" (column " + earlier + ")");
      header.add(name);
    }
    return header;
  }

  private int dnIndex(List<String> header) {
    if (dnColumn == null) return -1;
    int index = header.indexOf(dnColumn);
    if (index < 0) {
      throw error(1, 1, "the dn column \"" + dnColumn + "\" is not in the header (" + String.join(", ", header) + ")");
    }
    return index;
  }

  private Map<String, List<String>> attributes(List<String> header, List<String> fields) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      List<String> values = values(fields.get(i));
      if (!values.isEmpty()) attributes.put(header.get(i), values);
    }
    return attributes;
  }

  private List<String> values(String cell) {
    if (cell.isEmpty()) return List.of();
    if (separator == null) return List.of(cell);
    return separator.splitAsStream(cell).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private SourceException error(int line, int column, String message) {
    return new SourceException(SourceException.Kind.CONFIGURATION, file + ":" + line + ":" + column + ": " + message, null);
  }
}
