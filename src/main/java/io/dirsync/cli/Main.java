package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.ops.JsonLineStream;
import io.dirsync.ops.LoggingSetup;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** The {@code dirsync} command: parses, calls {@link App}, prints, exits with a code from {@link ExitCode}. */
public final class Main {
  /** How long a stop waits for the running job to record itself (the call in flight has its own timeout). */
  private static final long STOP_GRACE_SECONDS = 120;

  private Main() {}

  public static void main(String[] args) {
    // The JDK HTTP server (sandbox, /health) reads this once, at its first start: no 40 ms Nagle delay per call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    LoggingSetup.Format format = LoggingSetup.configure();
    boolean jsonAsked = LoggingSetup.jsonAsked(System.getenv());
    // JSON mode: every line on stdout and stderr is one JSON object (stdout only when asked for, so
    // `dirsync sync > file` from a script keeps its readable summary).
    PrintStream out = jsonAsked ? JsonLineStream.printStream(System.out, "io.dirsync.cli", "INFO", Clock.systemUTC())
        : new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = format == LoggingSetup.Format.JSON ? JsonLineStream.printStream(System.err, "io.dirsync.cli", "ERROR", Clock.systemUTC())
        : new PrintStream(System.err, true, StandardCharsets.UTF_8);
    FatalErrors.install(err);
    App app = new App(System.getenv(), Clock.systemUTC(), err);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger(ExitCode.UNREACHABLE);
    // SIGTERM / Ctrl-C: the running job finishes the call in flight, records where it stopped, then we exit
    // with the command's own code. halt: once shutdown has begun, System.exit would block and the JVM
    // would end with 128+signal.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.requestStop();
      try {
        if (finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
          out.flush();
          err.flush();
          Runtime.getRuntime().halt(exitCode.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "dirsync-stop"));
    int code;
    try {
      code = execute(app, args, out, err);
    } catch (Error e) {
      FatalErrors.halt(err, e); // out of memory, a crash: exit 70 at once
      return;
    } catch (Throwable fatal) {
      VirtualMachineError cause = FatalErrors.fatalCause(fatal);
      if (cause != null) FatalErrors.halt(err, cause);
      err.println("dirsync failed: " + fatal);
      code = ExitCode.INTERNAL_ERROR;
    }
    exitCode.set(code);
    finished.countDown();
    System.exit(code);
  }

  /** Runs one command and returns its exit code; testable without exiting the JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    if (LoggingSetup.jsonAsked(env)) {
      out = JsonLineStream.printStream(out, "io.dirsync.cli", "INFO", clock);
      err = JsonLineStream.printStream(err, "io.dirsync.cli", "ERROR", clock);
    }
    return execute(new App(env, clock, err), args, out, err);
  }

  private static int execute(App app, String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new RootCommand(), new CommandFactory(app, out, err));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(new ErrorHandler(err));
    cli.setParameterExceptionHandler((e, a) -> {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return ExitCode.USAGE;
    });
    return cli.execute(args);
  }
}
