package io.dirsync.cli;

import io.dirsync.app.App;
import java.io.PrintStream;
import picocli.CommandLine;

/** Builds commands with their collaborators (no reflection-based injection). */
final class CommandFactory implements CommandLine.IFactory {
  private final App app;
  private final PrintStream out;
  private final PrintStream err;

  CommandFactory(App app, PrintStream out, PrintStream err) {
    this.app = app;
    this.out = out;
    this.err = err;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Object command;
    if (type == SyncCommand.class) command = new SyncCommand(app, out);
    else if (type == PlanCommand.class) command = new PlanCommand(app, out, err);
    else if (type == ApplyCommand.class) command = new ApplyCommand(app, out);
    else if (type == ValidateCommand.class) command = new ValidateCommand(app, out);
    else if (type == CheckCommand.class) command = new CheckCommand(app, out);
    else if (type == RunsCommand.class) command = new RunsCommand(app, out);
    else if (type == ScheduleCommand.class) command = new ScheduleCommand(app, out);
    else if (type == SandboxCommand.class) command = new SandboxCommand(app, out);
    else return CommandLine.defaultFactory().create(type);
    return type.cast(command);
  }
}
