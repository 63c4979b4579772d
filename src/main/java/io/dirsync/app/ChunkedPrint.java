package io.dirsync.app;

import java.io.PrintStream;
import java.io.Writer;

/**
 * Text written in pieces to a print stream in chunks of ~64 KB, in the stream's own charset: a
 * plan of a million users is printed without being held whole, and without a write (and, on an
 * auto-flushing stream, a flush) per line. A chunk never ends inside a surrogate pair, which
 * would not survive being encoded on its own. {@link #flush()} prints what is left; closing
 * flushes and leaves the stream open. Not thread-safe.
 */
final class ChunkedPrint extends Writer {
  private static final int CHUNK = 64 * 1024;

  private final PrintStream out;
  private final StringBuilder pending = new StringBuilder(CHUNK + 8 * 1024);

  ChunkedPrint(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(char[] text, int offset, int length) {
    pending.append(text, offset, length);
    written();
  }

  @Override
  public void write(String text, int offset, int length) {
    pending.append(text, offset, offset + length);
    written();
  }

  @Override
  public ChunkedPrint append(CharSequence text) {
    pending.append(text);
    written();
    return this;
  }

  @Override
  public ChunkedPrint append(char c) {
    pending.append(c);
    written();
    return this;
  }

  private void written() {
    if (pending.length() >= CHUNK && !Character.isHighSurrogate(pending.charAt(pending.length() - 1))) flush();
  }

  @Override
  public void flush() {
    out.print(pending);
    pending.setLength(0);
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
