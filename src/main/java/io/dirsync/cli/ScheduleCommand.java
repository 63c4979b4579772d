package io.dirsync.cli;

import io.dirsync.app.App;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {"Daemon: run every job on its Quartz schedule and serve /health, /metrics and /runs.",
        "SIGTERM lets the running job finish its current call, record where it stopped, and exit."})
final class ScheduleCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  ScheduleCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    app.schedule(config.file, out);
    return ExitCode.OK;
  }
}
