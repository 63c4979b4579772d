package io.dirsync.cli;

import io.dirsync.app.App;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check the config and its mappings without touching the network.",
        "Every problem at once, with file, line and column; cron expressions and time zones included."})
final class ValidateCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  @Option(names = "--no-secrets", description = "leave ${env:…} and ${file:…} references that cannot be resolved here as they are (check a config in CI without its secrets)")
  boolean noSecrets;

  ValidateCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    app.validate(config.file, !noSecrets).forEach(out::println);
    return ExitCode.OK;
  }
}
