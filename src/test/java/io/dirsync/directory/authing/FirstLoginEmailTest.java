package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrations may send new users the first-login verification email; only users with an email get one. */
class FirstLoginEmailTest {
  private static SandboxServer sandbox;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.defaults());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private AuthingDirectory directory(String appId) {
    AuthingConfig config = AuthingConfig.of(sandbox.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET);
    return new AuthingDirectory(new AuthingManagementClient(config, Clock.systemUTC()), "dirsync", appId);
  }

  @Test
  void usersCreatedWithAnEmailAreSentTheFirstLoginEmailWhenConfigured() {
    sandbox.reset();
    sandbox.resetStats();
    try (AuthingDirectory withEmail = directory("app-1"); AuthingDirectory without = directory(null)) {
      withEmail.createUser(DesiredUser.of(ExternalId.of("m1"), Map.of("username", "ada", "email", "ada@legacy.example")));
      withEmail.createUser(DesiredUser.of(ExternalId.of("m2"), Map.of("username", "nomail")));
      without.createUser(DesiredUser.of(ExternalId.of("m3"), Map.of("username", "bob", "email", "bob@legacy.example")));
    }

    assertThat(sandbox.stats().calls("createUser")).isEqualTo(3);
    assertThat(sandbox.stats().calls("sendFirstLoginVerifyEmail")).isEqualTo(1);
  }
}
