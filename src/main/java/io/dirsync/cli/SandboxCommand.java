package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.app.SandboxSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Run a local stand-in for the Authing v2 management API (GraphQL + REST) until stopped.",
        "Point a job's target at it with type: authing, host: http://127.0.0.1:PORT."})
final class SandboxCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Option(names = "--port", defaultValue = "7780", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--data", paramLabel = "DIR", description = "persist here (default: in memory only)")
  Path data;

  @Option(names = "--user-pool-id", paramLabel = "ID", defaultValue = "demo-pool", description = "default: ${DEFAULT-VALUE}")
  String userPoolId;

  @Option(names = "--secret", paramLabel = "S", defaultValue = "demo-secret", description = "the pool secret (default: ${DEFAULT-VALUE})")
  String secret;

  @Option(names = "--rate-limit", paramLabel = "RPS", defaultValue = "0", description = "calls/s before HTTP 429 (0 = off)")
  double rateLimit;

  @Option(names = "--fail-rate", paramLabel = "R", defaultValue = "0", description = "share of calls that fail with 5xx or a dropped connection")
  double failRate;

  @Option(names = "--throttle-rate", paramLabel = "R", defaultValue = "0",
      description = "share of calls answered as Authing throttles: HTTP 200 with body-level code 429")
  double throttleRate;

  @Option(names = "--latency", paramLabel = "MS", defaultValue = "0", description = "delay added to every call")
  long latency;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the fault injection (default: ${DEFAULT-VALUE})")
  long seed;

  SandboxCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    SandboxSettings settings = new SandboxSettings(host, port, data, userPoolId, secret, rateLimit, failRate, latency, seed, throttleRate);
    CountDownLatch stopped = new CountDownLatch(1);
    try (App.RunningSandbox sandbox = app.startSandbox(settings)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        sandbox.close();
        stopped.countDown();
      }, "sandbox-stop"));
      out.println("sandbox listening on " + sandbox.baseUri() + " (user pool " + userPoolId + ")"
          + (data == null ? ", in memory" : ", data in " + data) + "; Ctrl-C stops it");
      stopped.await();
    }
    return ExitCode.OK;
  }
}
