package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.model.RunReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Apply exactly a saved plan; operations whose target changed since are skipped and reported.")
final class ApplyCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  @Parameters(index = "0", paramLabel = "PLAN_FILE", description = "a plan saved with `dirsync plan --out`")
  Path planFile;

  @Option(names = "--allow-mass-delete", description = "apply even when removals exceed the configured maximum")
  boolean allowMassDelete;

  ApplyCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    RunReport result = app.apply(config.file, planFile, allowMassDelete);
    out.print(app.summary(result));
    return result.outcome().exitCode();
  }
}
