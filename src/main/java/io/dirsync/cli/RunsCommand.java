package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.model.RunSummary;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List recent runs from the state store.")
final class RunsCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "how many (default: ${DEFAULT-VALUE})")
  int limit;

  RunsCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    List<App.RunRow> runs = app.runs(config.file, limit);
    if (runs.isEmpty()) {
      out.println("no runs yet");
      return ExitCode.OK;
    }
    out.printf("%-36s %-12s %-8s %-20s %-9s %-17s %8s %8s %9s%n", "RUN", "JOB", "KIND", "STARTED", "SECONDS", "OUTCOME", "CHANGES", "FAILED", "API CALLS");
    for (App.RunRow row : runs) {
      RunSummary run = row.summary();
      String seconds = run.finishedAt() == null ? "running"
          : String.valueOf(java.time.Duration.between(run.startedAt(), run.finishedAt()).toSeconds());
      String outcome = run.outcome() == null ? "-" : run.outcome().name().toLowerCase();
      out.printf("%-36s %-12s %-8s %-20s %-9s %-17s %8d %8d %9d%n", run.runId(), run.job(), row.kind(),
          run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), seconds, outcome, run.changes(), run.failures(), run.apiCalls());
    }
    return ExitCode.OK;
  }
}
