package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.app.SyncOptions;
import io.dirsync.model.RunReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Read the source, plan the changes and apply them to the directory.")
final class SyncCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  @Option(names = "--job", paramLabel = "NAME", description = "the job to run (default: the first)")
  String job;

  @Option(names = "--dry-run", description = "plan and report, change nothing")
  boolean dryRun;

  @Option(names = "--report", paramLabel = "FILE", description = "also write the JSON report here")
  Path report;

  @Option(names = "--allow-mass-delete", description = "apply even when removals exceed the configured maximum")
  boolean allowMassDelete;

  @Option(names = "--full", description = "read the whole source (a full reconciliation) even when delta sync is on")
  boolean full;

  SyncCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    RunReport result = app.sync(config.file, job, new SyncOptions(dryRun, report, allowMassDelete, full));
    out.print(app.summary(result));
    return result.outcome().exitCode();
  }
}
