package io.dirsync.cli;

import io.dirsync.app.App;
import io.dirsync.model.Plan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print the operations `sync` would apply; changes nothing.")
final class PlanCommand implements Callable<Integer> {
  enum Format { table, json }

  private final App app;
  private final PrintStream out;

  @Mixin ConfigOption config;

  @Option(names = "--job", paramLabel = "NAME", description = "the job to plan (default: the first)")
  String job;

  @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE})", defaultValue = "table")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "save the plan as JSON, for `dirsync apply`")
  Path outFile;

  @Option(names = "--full", description = "plan from the whole source (a full reconciliation) even when delta sync is on")
  boolean full;

  @Option(names = "--check", description = "exit 3 when the safety guards would stop this plan (exit 0 otherwise)")
  boolean check;

  private final PrintStream err;

  PlanCommand(App app, PrintStream out, PrintStream err) {
    this.app = app;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    App.CheckedPlan checked = app.checkedPlan(config.file, job, full);
    Plan plan = checked.plan();
    if (outFile != null) {
      app.savePlanJson(plan, outFile);
    }
    if (format == Format.json) app.printPlanJson(plan, out);
    else app.printPlanTable(plan, out);
    if (outFile != null) out.println("plan saved to " + outFile + "; apply it with: dirsync apply " + outFile);
    if (checked.guardViolation().isPresent()) {
      // stderr: the JSON on stdout stays parseable
      err.println("the safety guards would stop this plan (sync exits 3 and applies nothing unless --allow-mass-delete): "
          + checked.guardViolation().get());
      if (check) return ExitCode.GUARD;
    }
    return ExitCode.OK;
  }
}
