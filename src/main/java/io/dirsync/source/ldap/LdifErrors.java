package io.dirsync.source.ldap;

import com.unboundid.ldif.LDIFException;
import io.dirsync.source.SourceException;
import io.dirsync.source.SourceException.Kind;
import java.nio.file.Path;
import java.util.List;

/** A malformed LDIF file as a {@link SourceException} naming the file and the line. */
public final class LdifErrors {
  private LdifErrors() {}

  public static SourceException of(Path file, LDIFException e) {
    return new SourceException(Kind.CONFIGURATION, file + " line " + line(e) + ": " + e.getMessage(), e);
  }

  /** A file with no entry at all: an export that went wrong, never an empty directory. */
  public static SourceException empty(Path file) {
    return new SourceException(Kind.CONFIGURATION, file + " line 1: the file holds no LDIF entries (empty or truncated?)", null);
  }

  /**
   * The reader reports where the record starts; when one of its lines is plainly broken (no
   * {@code name:} and no continuation), that line is the more useful answer.
   */
  static long line(LDIFException e) {
    long start = e.getLineNumber();
    List<String> lines = e.getDataLines();
    if (lines == null) return start;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#") && line.indexOf(':') < 0) return start + i;
    }
    return start;
  }
}
