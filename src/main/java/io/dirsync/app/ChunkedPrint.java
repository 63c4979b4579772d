package io.dirsync.app;

import java.io.PrintStream;

/**
 * Text written in pieces to a print stream in chunks of whole lines of ~64 KB: a plan of a million
 * users is printed without being held whole, and without a write (and, on an auto-flushing stream,
 * a flush) per line. {@link #flush()} prints what is left. Not thread-safe.
 */
final class ChunkedPrint implements Appendable {
  private static final int CHUNK = 64 * 1024;

  private final PrintStream out;
  private final StringBuilder pending = new StringBuilder(CHUNK + 1024);

  ChunkedPrint(PrintStream out) {
    this.out = out;
  }

  @Override
  public ChunkedPrint append(CharSequence text) {
    pending.append(text);
    if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') lineEnded();
    return this;
  }

  @Override
  public ChunkedPrint append(CharSequence text, int start, int end) {
    return append(text.subSequence(start, end));
  }

  @Override
  public ChunkedPrint append(char c) {
    pending.append(c);
    if (c == '\n') lineEnded();
    return this;
  }

  private void lineEnded() {
    if (pending.length() >= CHUNK) flush();
  }

  void flush() {
    out.print(pending);
    pending.setLength(0);
    out.flush();
  }
}
