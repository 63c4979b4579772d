package io.dirsync.source.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. A leading
 * byte-order mark is skipped. Knows the line and column of every character for error messages.
 * Not thread-safe.
 */
final class CsvParser {
  private static final int EOF = -1;

  /** Where and why the text is not CSV. */
  static final class FormatException extends Exception {
    final int line;
    final int column;

    FormatException(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private final Reader in;
  private int line = 1;
  private int column = 0;
  private int pushedBack = Integer.MIN_VALUE;
  private boolean afterCr;
  private boolean started;
  private int recordLine;

  CsvParser(Reader in) {
    this.in = in;
  }

  /** The line the last record returned by {@link #next()} started on. */
  int recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException, FormatException {
    int c = read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        column = 0;
        c = read();
      }
    }
    if (c == EOF) return null;
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        c = quoted(field);
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          if (c == '"') {
            throw new FormatException(line, column, "a quote inside an unquoted field (quote the whole field and double the quote: \"\"…\"\")");
          }
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == ',') {
        c = read();
        continue;
      }
      endOfLine(c);
      return fields;
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
  private int quoted(StringBuilder field) throws IOException, FormatException {
    int openLine = line;
    int openColumn = column;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new FormatException(openLine, openColumn, "the quoted field opened here is never closed");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          field.append('"');
          continue;
        }
        if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
          throw new FormatException(line, column, "'" + (char) after + "' after a closing quote (expected a comma or the end of the line)");
        }
        return after;
      }
      field.append((char) c);
    }
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') unread(next);
    }
  }

  private int read() throws IOException {
    int c;
    if (pushedBack != Integer.MIN_VALUE) {
      c = pushedBack;
      pushedBack = Integer.MIN_VALUE;
    } else {
      c = in.read();
    }
    if (c == '\r' || (c == '\n' && !afterCr)) {
      line++;
      column = 0;
    } else if (c != '\n' && c != EOF) {
      column++;
    }
    afterCr = c == '\r';
    return c;
  }

  /** Gives back the character read after a CR (the only look-ahead the grammar needs). */
  private void unread(int c) {
    pushedBack = c;
    if (c == '\r') line--;
    else if (c != EOF) column--;
    afterCr = true;
  }
}
