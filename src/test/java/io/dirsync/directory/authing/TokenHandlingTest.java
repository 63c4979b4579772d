package io.dirsync.directory.authing;

import io.dirsync.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenHandlingTest extends SandboxTestBase {

  @Test
  void oneTokenServesManyCalls() {
    for (int i = 0; i < 5; i++) client.groups().list(1, 10);

    assertThat(sandbox.stats().calls("accessToken")).isEqualTo(1);
    assertThat(sandbox.stats().calls("groups")).isEqualTo(5);
    assertThat(client.callCounts()).containsEntry("accessToken", 1L).containsEntry("groups", 5L);
  }

  @Test
  void callsStartingTogetherOnAColdClientFetchOneToken() throws Exception {
    int threads = 16;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return client.groups().list(1, 10);
        }));
      }
      go.countDown();
      for (Future<?> f : calls) f.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(sandbox.stats().calls("accessToken")).isEqualTo(1);
    assertThat(sandbox.stats().calls("groups")).isEqualTo(threads);
  }

  @Test
  void callsWaitingOnAFailedTokenFetchShareItsFailure() throws Exception {
    int threads = 8;
    try (SandboxServer slow = SandboxServer.start(SandboxOptions.defaults().withLatencyMillis(500));
         AuthingManagementClient c = new AuthingManagementClient(
             AuthingConfig.of(slow.baseUri(), SandboxOptions.DEFAULT_USER_POOL_ID, "wrong-secret"), TestClock.now())) {
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> calls = new ArrayList<>();
      try {
        for (int i = 0; i < threads; i++) {
          calls.add(pool.submit(() -> {
            go.await();
            return c.groups().list(1, 10);
          }));
        }
        go.countDown();
        for (Future<?> f : calls) {
          assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(AuthingException.class);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(slow.stats().calls("accessToken")).isEqualTo(1);
      assertThat(slow.stats().calls("groups")).isZero();
    }
  }

  @Test
  void theTokenIsReplacedShortlyBeforeItExpires() {
    TestClock clock = TestClock.now();
    try (SandboxServer shortLived = SandboxServer.start(SandboxOptions.defaults().withTokenTtl(Duration.ofMinutes(10)), clock);
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(shortLived.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), clock)) {
      c.groups().list(1, 10);
      clock.advance(Duration.ofMinutes(4));
      c.groups().list(1, 10);
      assertThat(shortLived.stats().calls("accessToken")).isEqualTo(1);

      clock.advance(Duration.ofMinutes(2)); // within the 5-minute margin of expiry
      c.groups().list(1, 10);
      assertThat(shortLived.stats().calls("accessToken")).isEqualTo(2);
      assertThat(shortLived.stats().calls("groups")).isEqualTo(3);
    }
  }

  @Test
  void aTokenTheServerRefusesIsReplacedOnceAndTheCallRepeated() {
    TestClock serverClock = TestClock.now();
    TestClock clientClock = new TestClock(serverClock.instant());
    try (SandboxServer shortLived = SandboxServer.start(SandboxOptions.defaults().withTokenTtl(Duration.ofMinutes(10)), serverClock);
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(shortLived.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), clientClock)) {
      c.groups().create("g1", "G1", null);
      serverClock.advance(Duration.ofMinutes(11)); // the server sees the token expired; the client does not

      assertThat(c.groups().detail("g1")).isPresent();

      assertThat(shortLived.stats().calls("accessToken")).isEqualTo(2);
      assertThat(c.callCounts()).containsEntry("group", 2L).containsEntry("accessToken", 2L);
    }
  }

  @Test
  void aTokenRefusedTwiceIsFatal() {
    long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    try (ScriptedServer server = new ScriptedServer(req -> req.isTokenQuery()
        ? ScriptedServer.token(exp)
        : ScriptedServer.Answer.json("{\"data\":null,\"errors\":[{\"message\":{\"code\":2020,\"message\":\"not logged in\",\"data\":null}}]}"));
         AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(server.baseUri(), POOL, SECRET), TestClock.now())) {
      assertThatThrownBy(() -> c.groups().list(1, 10))
          .isInstanceOfSatisfying(AuthingException.class, e -> {
            assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL);
            assertThat(e.code()).isEqualTo(2020);
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(ScriptedServer.jwt(exp));
          });
      assertThat(server.seen).filteredOn(ScriptedServer.Seen::isTokenQuery).hasSize(2);
      assertThat(server.seen).hasSize(4);
    }
  }

  @Test
  void aWrongSecretIsFatalWithAMessageThatNamesThePoolButNotTheSecret() {
    String wrong = "wrong-secret-1234";
    try (AuthingManagementClient c = new AuthingManagementClient(AuthingConfig.of(sandbox.baseUri(), POOL, wrong), TestClock.now());
         AuthingDirectory d = new AuthingDirectory(c, "dirsync")) {
      assertThatThrownBy(d::checkAccess)
          .isInstanceOfSatisfying(AuthingException.class, e -> {
            assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL);
            assertThat(e.getMessage()).contains(POOL).contains("secret").doesNotContain(wrong);
          });
      assertThatThrownBy(() -> c.users().list(1, 10, false, false))
          .isInstanceOfSatisfying(AuthingException.class, e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL));
    }
  }

  @Test
  void checkAccessFetchesATokenOnce() {
    client.checkAccess();
    client.checkAccess();

    assertThat(sandbox.stats().calls("accessToken")).isEqualTo(1);
  }

  @Test
  void everyCallCarriesTheAuthingHeadersAndOnlyTheTokenQueryGoesWithoutAuthorization() {
    long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    try (ScriptedServer server = new ScriptedServer(req -> req.isTokenQuery()
        ? ScriptedServer.token(exp)
        : ScriptedServer.Answer.json("{\"data\":{\"groups\":{\"totalCount\":0,\"list\":[]}}}"));
         AuthingManagementClient c = new AuthingManagementClient(
             AuthingConfig.of(server.baseUri(), POOL, SECRET).withLang("en-US"), TestClock.now())) {
      c.groups().list(1, 10);

      assertThat(server.seen).hasSize(2);
      for (ScriptedServer.Seen s : server.seen) {
        assertThat(s.path()).isEqualTo("/graphql/v2");
        assertThat(s.headers().getFirst("x-authing-userpool-id")).isEqualTo(POOL);
        assertThat(s.headers().getFirst("x-authing-request-from")).isEqualTo("sdk");
        assertThat(s.headers().getFirst("x-authing-sdk-version")).startsWith("java:");
        assertThat(s.headers().getFirst("x-authing-lang")).isEqualTo("en-US");
        assertThat(s.headers().getFirst("content-type")).startsWith("application/json");
      }
      assertThat(server.seen.get(0).headers().containsKey("authorization")).isFalse();
      assertThat(server.seen.get(1).headers().getFirst("authorization")).isEqualTo("Bearer " + ScriptedServer.jwt(exp));
      assertThat(server.seen.get(1).body()).contains("query groups($userId: String, $page: Int, $limit: Int, $sortBy: SortByEnum)")
          .contains("\"variables\":{\"page\":1,\"limit\":10}");
    }
  }

  @Test
  void configToStringHidesTheSecret() {
    assertThat(AuthingConfig.of(sandbox.baseUri(), POOL, SECRET).toString()).doesNotContain(SECRET).contains(POOL);
  }
}
