package io.dirsync.cli;

import io.dirsync.app.App;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The {@code dirsync} command: parses, calls {@link App}, prints, exits with a code from {@link ExitCode}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // The JDK HTTP server (sandbox, /health) reads this once, at its first start: no 40 ms Nagle delay per call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, System.getenv(), Clock.systemUTC()));
  }

  /** Runs one command and returns its exit code; testable without exiting the JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    App app = new App(env, clock, err);
    CommandLine cli = new CommandLine(new RootCommand(), new CommandFactory(app, out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler(new ErrorHandler(err));
    cli.setParameterExceptionHandler((e, a) -> {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return ExitCode.USAGE;
    });
    return cli.execute(args);
  }
}
