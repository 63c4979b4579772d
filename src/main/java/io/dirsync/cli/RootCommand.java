package io.dirsync.cli;

import picocli.CommandLine.Command;

@Command(
    name = "dirsync",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps a cloud user directory (Authing) in step with LDAP and Active Directory.",
    subcommands = {
      SyncCommand.class, PlanCommand.class, ApplyCommand.class, ScheduleCommand.class,
      ValidateCommand.class, CheckCommand.class, RunsCommand.class, SandboxCommand.class
    },
    footer = {"", "Exit codes:",
        "  0  all applied (or nothing to do)",
        "  1  finished, but some operations failed (listed in the report)",
        "  2  bad configuration or usage",
        "  3  stopped by a safety guard (nothing applied)",
        "  4  source or target unreachable / authentication failed,",
        "     or stopped by SIGTERM / SIGINT (the run is recorded as stopped)",
        "  5  another run of the job is in progress (nothing done)",
        "  6  unexpected internal error",
        " 70  fatal JVM error (out of memory): halted at once",
        "130/143  SIGINT/SIGTERM that did not end within 120 s; 137  kill -9"})
final class RootCommand implements Runnable {
  @picocli.CommandLine.Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "on an error, also print the stack trace")
  boolean debug;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
