package io.dirsync.cli;

import io.dirsync.app.RunFailure;
import io.dirsync.config.ConfigException;
import java.io.PrintStream;
import picocli.CommandLine;

/** Turns the errors a command can end with into a message and its exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final PrintStream err;

  ErrorHandler(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigException config) {
      err.println("configuration error:");
      config.problems().forEach(p -> err.println("  " + p));
      return ExitCode.USAGE;
    }
    if (e instanceof RunFailure failure) {
      err.println(failure.getMessage());
      return failure.outcome().exitCode();
    }
    err.println("dirsync failed: " + e);
    for (StackTraceElement frame : e.getStackTrace()) err.println("    at " + frame);
    return ExitCode.SOME_FAILED;
  }
}
