package io.dirsync.cli;

/** The exit codes users and monitoring rely on (README, "Exit codes"). */
final class ExitCode {
  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE = 2;
  static final int GUARD = 3;
  static final int UNREACHABLE = 4;
  static final int ALREADY_RUNNING = 5;
  static final int INTERNAL_ERROR = 6;
  /** The JVM failed (out of memory, crash): the process halted at once (sysexits' EX_SOFTWARE). */
  static final int FATAL = 70;

  private ExitCode() {}
}
