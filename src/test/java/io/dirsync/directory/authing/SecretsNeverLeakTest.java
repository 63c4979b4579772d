package io.dirsync.directory.authing;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The pool secret, management tokens and passwords appear in no exception message and no log line. */
class SecretsNeverLeakTest extends SandboxTestBase {
  private static final String PASSWORD = "pw-Xy7-never-shown";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger logger;
  private Level previous;

  @BeforeEach
  void captureLogs() {
    logger = (Logger) LoggerFactory.getLogger("io.dirsync.directory.authing");
    previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    logger.detachAppender(logs);
    logger.setLevel(previous);
  }

  @Test
  void noMessageOrLogLineCarriesASecretATokenOrAPassword() {
    List<Throwable> failures = new ArrayList<>();
    Runnable[] calls = {
        () -> client.users().create(UserInput.forCreate(Map.of("username", "a", "password", PASSWORD)), false, false),
        () -> client.users().create(UserInput.forCreate(Map.of("username", "a", "password", PASSWORD)), false, false),
        () -> client.users().create(UserInput.forCreate(Map.of("username", "b", "password", "abc")), false, false),
        () -> client.users().update("nobody", UserInput.forUpdate(Map.of("password", PASSWORD))),
        () -> {
          try (AuthingManagementClient wrong = new AuthingManagementClient(
              AuthingConfig.of(sandbox.baseUri(), POOL, SECRET + "-wrong"), TestClock.now())) {
            wrong.checkAccess();
          }
        },
    };
    for (Runnable call : calls) {
      try {
        call.run();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    failures.add(refusedTokenFailure());

    assertThat(failures).hasSize(5); // everything but the first create failed
    List<String> texts = new ArrayList<>();
    failures.forEach(f -> texts.add(String.valueOf(f.getMessage()) + " " + f));
    logs.list.forEach(e -> texts.add(e.getFormattedMessage()));
    assertThat(logs.list).isNotEmpty();
    assertThat(texts).allSatisfy(t -> assertThat(t)
        .doesNotContain(SECRET)
        .doesNotContain(PASSWORD)
        .doesNotContain("eyJ"));
  }

  /** A server that refuses every token: the failure must not echo the token it refused. */
  private Throwable refusedTokenFailure() {
    long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    String token = ScriptedServer.jwt(exp);
    try (ScriptedServer server = new ScriptedServer(req -> req.isTokenQuery() ? ScriptedServer.token(exp)
            : ScriptedServer.Answer.json("{\"data\":null,\"errors\":[{\"message\":{\"code\":2020,\"message\":\"bad token "
                + token + " for secret " + SECRET + "\",\"data\":null}}]}"));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(server.baseUri(), POOL, SECRET), TestClock.now())) {
      c.groups().list(1, 10);
      throw new AssertionError("expected a failure");
    } catch (AuthingException e) {
      return e;
    }
  }
}
