package io.dirsync.cli;

import java.io.PrintStream;

/**
 * A fatal error of the JVM (out of memory, a stack overflow, an internal error, or any other error
 * no layer handles) ends the process at once with {@link ExitCode#FATAL}: a monitor pages on it.
 * It never becomes exit 1 ("some operations failed"), and non-daemon threads, shutdown hooks and a
 * half-finished run cannot keep the process alive: it halts.
 */
final class FatalErrors {
  // Built before memory runs out: printing an OutOfMemoryError must not need much heap.
  private static final String PREFIX = "dirsync: fatal JVM error, exiting with code " + ExitCode.FATAL + ": ";
  private static final byte[] OUT_OF_MEMORY_LINE = (PREFIX + "out of memory; give the JVM more heap (-Xmx) or see docs/benchmarks.md"
      + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final byte[] OTHER_ERROR_LINE = (PREFIX + "an error of the JVM that could not be described"
      + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  /** Heap given back when a fatal error is reported, so that the line about it can be built. */
  @SuppressWarnings("unused")
  private static volatile byte[] reserve = new byte[256 * 1024];

  private FatalErrors() {}

  /** Makes every thread's uncaught {@link Error} fatal. */
  static void install(PrintStream err) {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof Error error) halt(err, error);
      err.println("dirsync: uncaught error in thread " + thread.getName() + ": " + e);
    });
  }

  /**
   * The JVM error ({@link VirtualMachineError}: out of memory, stack overflow, internal error) in
   * {@code e}'s causes, or null. Code that handles exceptions can wrap one: a try-with-resources
   * whose body and {@code close} both run out of memory gets the JVM's one preallocated
   * OutOfMemoryError twice, and adding it to itself as suppressed throws an
   * IllegalArgumentException ("Self-suppression not permitted") caused by it.
   */
  static VirtualMachineError fatalCause(Throwable e) {
    Throwable at = e;
    for (int depth = 0; at != null && depth < 32; depth++, at = at.getCause()) {
      if (at instanceof VirtualMachineError error) return error;
    }
    return null;
  }

  /** Prints one line and halts the JVM with {@link ExitCode#FATAL}; does not return. */
  static void halt(PrintStream err, Throwable error) {
    reserve = null;
    try {
      String line = PREFIX + (error instanceof OutOfMemoryError
          ? "out of memory (" + error.getMessage() + "); give the JVM more heap (-Xmx) or see docs/benchmarks.md"
          : String.valueOf(error));
      err.println(line);
      err.flush();
    } catch (Throwable notEvenThat) {
      // no heap even for the line: the one made in advance (the exit code is what matters)
      try {
        byte[] line = error instanceof OutOfMemoryError ? OUT_OF_MEMORY_LINE : OTHER_ERROR_LINE;
        err.write(line, 0, line.length);
        err.flush();
      } catch (Throwable ignored) {
        // nothing more can be said
      }
    } finally {
      Runtime.getRuntime().halt(ExitCode.FATAL);
    }
  }
}
