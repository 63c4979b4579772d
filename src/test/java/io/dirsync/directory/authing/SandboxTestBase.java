package io.dirsync.directory.authing;

import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One sandbox on 127.0.0.1 per test class (generating its RSA key is the slow part), wiped before
 * each test, and a fresh client per test.
 */
abstract class SandboxTestBase {
  static final String POOL = SandboxOptions.DEFAULT_USER_POOL_ID;
  static final String SECRET = "s3cret-value-never-shown";

  static SandboxServer sandbox;

  AuthingManagementClient client;

  @BeforeAll
  static void startSandbox() {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withCredentials(POOL, SECRET));
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void freshState() {
    sandbox.reset();
    client = newClient(Clock.systemUTC());
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  AuthingManagementClient newClient(Clock clock) {
    return new AuthingManagementClient(AuthingConfig.of(sandbox.baseUri(), POOL, SECRET), clock);
  }
}
