package io.dirsync.cli;

import io.dirsync.app.RunFailure;
import io.dirsync.config.ConfigException;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Turns the errors a command can end with into a message and its exit code. No stack trace reaches
 * the user unless {@code --debug} asks for it.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final PrintStream err;

  ErrorHandler(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    int code = report(e);
    if (debug(cmd)) e.printStackTrace(err);
    return code;
  }

  private int report(Exception e) {
    VirtualMachineError fatal = FatalErrors.fatalCause(e);
    if (fatal != null) FatalErrors.halt(err, fatal); // out of memory wrapped by some handler: still exit 70 at once
    if (e instanceof ConfigException config) {
      err.println("configuration error:");
      config.problems().forEach(p -> err.println("  " + p));
      return ExitCode.USAGE;
    }
    if (e instanceof RunFailure failure) {
      err.println(failure.getMessage());
      return failure.outcome().exitCode();
    }
    err.println("dirsync failed unexpectedly (a bug; please report it): " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "; run with --debug to see where");
    return ExitCode.INTERNAL_ERROR;
  }

  private static boolean debug(CommandLine cmd) {
    Object root = cmd.getCommandSpec().root().userObject();
    return root instanceof RootCommand r && r.debug;
  }
}
