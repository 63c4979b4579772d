package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.app.CheckResult;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Can we bind to and search the source, and authenticate to the target?")
final class CheckCommand implements Callable<Integer> {
  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  @Option(names = "--job", paramLabel = "NAME", description = "the job to check (default: the first)")
  String job;

  CheckCommand(App app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public Integer call() {
    CheckResult result = app.check(config.file, job);
    result.lines().forEach(out::println);
    return result.ok() ? ExitCode.OK : ExitCode.UNREACHABLE;
  }
}
