package io.dirsync.cli;

import io.dirsync.app.App;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = "Daemon: run every job on its Quartz schedule, serve /health and /metrics.")
final class ScheduleCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;
  private final PrintStream err;

  @Mixin ConfigOption config;

  ScheduleCommand(App app, PrintStream out, PrintStream err) {
    this.app = app;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    err.println("dirsync schedule: not available yet (see the issue 'Run it unattended'); use `dirsync sync` from cron meanwhile.");
    return ExitCode.USAGE;
  }
}
