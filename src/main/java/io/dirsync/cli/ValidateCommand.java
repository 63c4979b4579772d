package io.dirsync.cli;

import io.dirsync.app.App;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the config and its mappings without touching the network.")
final class ValidateCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  ValidateCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    app.validate(config.file).forEach(out::println);
    return ExitCode.OK;
  }
}
