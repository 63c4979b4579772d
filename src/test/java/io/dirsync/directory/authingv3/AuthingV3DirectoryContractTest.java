package io.dirsync.directory.authingv3;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryContract;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The Directory contract over the v3 API (signed REST) against a sandbox on a loopback port. */
class AuthingV3DirectoryContractTest extends DirectoryContract {
  private static SandboxServer sandbox;
  private AuthingV3Directory directory;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.defaults());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    sandbox.reset();
    directory = new AuthingV3Directory(V3Config.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID,
        SandboxOptions.DEFAULT_SECRET), "dirsync", Clock.systemUTC());
  }

  @AfterEach
  void close() {
    directory.close();
  }

  @Override
  protected Directory directory() {
    return directory;
  }
}
