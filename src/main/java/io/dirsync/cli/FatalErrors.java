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

  private FatalErrors() {}

  /** Makes every thread's uncaught {@link Error} fatal. */
  static void install(PrintStream err) {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof Error error) halt(err, error);
      err.println("dirsync: uncaught error in thread " + thread.getName() + ": " + e);
    });
  }

  /** Prints one line and halts the JVM with {@link ExitCode#FATAL}; does not return. */
  static void halt(PrintStream err, Throwable error) {
    try {
      err.print(PREFIX);
      err.println(error instanceof OutOfMemoryError
          ? "out of memory (" + error.getMessage() + "); give the JVM more heap (-Xmx) or see docs/benchmarks.md"
          : String.valueOf(error));
      err.flush();
    } catch (Throwable ignored) {
      // the exit code is what matters; the message is best effort
    } finally {
      Runtime.getRuntime().halt(ExitCode.FATAL);
    }
  }
}
