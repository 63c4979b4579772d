package io.dirsync.directory.authing;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.DirectoryException.Kind;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultClassificationTest extends SandboxTestBase {

  @Test
  void http429IsTransientWithTheRetryAfterDelay() {
    TestClock frozen = TestClock.now(); // the bucket never refills
    try (SandboxServer limited = SandboxServer.start(SandboxOptions.defaults().withRateLimitRps(3), frozen);
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(limited.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), frozen)) {
      AuthingException refused = null;
      for (int i = 0; i < 10 && refused == null; i++) {
        try {
          c.groups().list(1, 10);
        } catch (AuthingException e) {
          refused = e;
        }
      }

      assertThat(refused).isNotNull();
      assertThat(refused.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(refused.httpStatus()).isEqualTo(429);
      assertThat(refused.retryAfterMillis()).isGreaterThanOrEqualTo(1000);
      assertThat(refused.outcomeUnknown()).isFalse();
    }
  }

  @Test
  void retryAfterAsAnHttpDateIsReadAgainstTheClock() {
    TestClock clock = TestClock.now();
    String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
    try (ScriptedServer server = new ScriptedServer(req ->
             new ScriptedServer.Answer(429, Map.of("Retry-After", in30s), "{\"code\":429,\"message\":\"slow down\"}"));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(server.baseUri(), POOL, SECRET), clock)) {
      assertThatThrownBy(c::checkAccess).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfterMillis()).isBetween(29_000L, 30_000L);
      });
    }
  }

  @Test
  void serverErrorsAndDroppedConnectionsAreTransientWithAnUnknownOutcome() {
    try (SandboxServer faulty = SandboxServer.start(SandboxOptions.defaults().withFailRate(1.0).withSeed(7));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(faulty.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), TestClock.now())) {
      List<AuthingException> failures = new ArrayList<>();
      IntStream.range(0, 12).forEach(i -> {
        try {
          c.groups().list(1, 10);
        } catch (AuthingException e) {
          failures.add(e);
        }
      });

      assertThat(failures).hasSize(12).allSatisfy(e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).doesNotContain(SandboxOptions.DEFAULT_SECRET);
      });
      assertThat(failures).anySatisfy(e -> assertThat(e.httpStatus()).isGreaterThanOrEqualTo(500));
      assertThat(failures).anySatisfy(e -> assertThat(e.httpStatus()).isZero());
    }
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (AuthingManagementClient c = new AuthingManagementClient(
        AuthingConfig.of(URI.create("http://127.0.0.1:" + port), POOL, SECRET), TestClock.now())) {
      assertThatThrownBy(c::checkAccess).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("accessToken").doesNotContain(SECRET);
      });
    }
  }

  @Test
  void aTimeoutIsTransient() {
    try (SandboxServer slow = SandboxServer.start(SandboxOptions.defaults().withLatencyMillis(3_000));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(slow.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET).withCallTimeout(Duration.ofMillis(300)),
             TestClock.now())) {
      assertThatThrownBy(c::checkAccess).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).contains("timed out");
      });
    }
  }

  @Test
  void anAnswerThatIsNotJsonIsTransient() {
    try (ScriptedServer server = new ScriptedServer(req -> ScriptedServer.Answer.json("<html>gateway</html>"));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(server.baseUri(), POOL, SECRET), TestClock.now())) {
      assertThatThrownBy(c::checkAccess).isInstanceOfSatisfying(AuthingException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }
  }

  @Test
  void systemBusyIsTransientAndNoPermissionIsFatal() {
    long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    try (ScriptedServer server = new ScriptedServer(req -> req.isTokenQuery() ? ScriptedServer.token(exp)
             : req.body().contains("groups(") ? error(1000) : error(1001));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(server.baseUri(), POOL, SECRET), TestClock.now())) {
      assertThatThrownBy(() -> c.groups().list(1, 10)).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.code()).isEqualTo(1000);
        assertThat(e.outcomeUnknown()).isFalse();
      });
      assertThatThrownBy(() -> c.roles().list(null, 1, 10)).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.FATAL);
        assertThat(e.code()).isEqualTo(1001);
      });
    }
  }

  @Test
  void businessErrorsArePermanentWithTheirCode() {
    client.users().create(UserInput.forCreate(Map.of("username", "alice", "externalId", "e1")), false, false);

    assertThatThrownBy(() -> client.users().create(UserInput.forCreate(Map.of("username", "alice2", "externalId", "e1")), false, false))
        .isInstanceOfSatisfying(AuthingException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.code()).isEqualTo(2026);
          assertThat(e.operation()).isEqualTo("createUser");
          assertThat(e.getMessage()).contains("createUser").contains("2026");
        });
    assertThatThrownBy(() -> client.users().delete("no-such-user"))
        .isInstanceOfSatisfying(AuthingException.class, e -> assertThat(e.code()).isEqualTo(2004));
    assertThatThrownBy(() -> client.users().listGroups("no-such-user"))
        .isInstanceOfSatisfying(AuthingException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.code()).isEqualTo(2004);
        });
  }

  @Test
  void aBatchOfMoreThan80IsRefusedBeforeAnyCall() {
    List<String> ids = IntStream.rangeClosed(1, 81).mapToObj(i -> "e" + i).toList();

    assertThatThrownBy(() -> client.users().batch(ids, BatchType.EXTERNAL_ID, false))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.getMessage()).contains("80").contains("81");
        });
    assertThat(sandbox.stats().total()).isZero();
  }

  private static ScriptedServer.Answer error(int code) {
    return ScriptedServer.Answer.json("{\"data\":null,\"errors\":[{\"message\":{\"code\":" + code + ",\"message\":\"m\",\"data\":null}}]}");
  }
}
