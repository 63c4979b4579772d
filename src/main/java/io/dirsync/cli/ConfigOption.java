package io.dirsync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -c FILE}, shared by every command that reads the config. */
final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "config file (default: ${DEFAULT-VALUE})",
      defaultValue = "config/dirsync.yaml")
  Path file;
}
