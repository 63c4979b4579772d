package io.dirsync.source.jdbc;

import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import io.dirsync.source.SourceException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns rows into entries: column labels lower-cased, NULL and empty cells left out, binary columns as bytes. */
final class RowReader {
  private final List<String> labels = new ArrayList<>();
  private final List<Boolean> binary = new ArrayList<>();
  private final Pattern separator;

  RowReader(ResultSetMetaData meta, String separator) throws SQLException {
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      int type = meta.getColumnType(i);
      binary.add(type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB);
    }
    this.separator = separator == null || separator.isEmpty() ? null : Pattern.compile(Pattern.quote(separator));
  }

  /** The 1-based index of the dn column, or -1 when rows are numbered. */
  int dnIndex(String dnColumn, String where) {
    if (dnColumn == null || dnColumn.isBlank()) return -1;
    int index = labels.indexOf(dnColumn.trim().toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw new SourceException(SourceException.Kind.CONFIGURATION, where + ": the dn column \"" + dnColumn
          + "\" is not among the query's columns " + labels, null);
    }
    return index + 1;
  }

  SourceEntry entry(ResultSet row, String dn) throws SQLException {
    Map<String, List<String>> text = new LinkedHashMap<>();
    Map<String, List<byte[]>> bytes = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      if (binary.get(i)) {
        byte[] value = row.getBytes(i + 1);
        if (value != null) bytes.put(labels.get(i), List.of(value));
        continue;
      }
      String value = row.getString(i + 1);
      List<String> values = values(value);
      if (!values.isEmpty()) text.put(labels.get(i), values);
    }
    return new SourceEntry(EntryKind.USER, dn, text, bytes, List.of());
  }

  private List<String> values(String cell) {
    if (cell == null || cell.isBlank()) return List.of();
    if (separator == null) return List.of(cell.trim());
    return separator.splitAsStream(cell).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
