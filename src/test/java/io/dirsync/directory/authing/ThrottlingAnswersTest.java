package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException.Kind;
import io.dirsync.testing.TestClock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Throttling and partial answers as the real service gives them: HTTP 200 with the error in the body. */
class ThrottlingAnswersTest {
  private static final String POOL = "pool-1";
  private static final String SECRET = "s3cret-value-never-shown";
  private static final String TOKEN = "{\"data\":{\"accessToken\":{\"accessToken\":\"tok\",\"exp\":4102444800,\"iat\":1}}}";

  private static ScriptedServer server(Function<ScriptedServer.Seen, ScriptedServer.Answer> api) {
    return new ScriptedServer(req -> req.isTokenQuery() ? ScriptedServer.Answer.json(TOKEN) : api.apply(req));
  }

  private static AuthingManagementClient client(ScriptedServer server) {
    return new AuthingManagementClient(AuthingConfig.of(server.baseUri(), POOL, SECRET), TestClock.now());
  }

  @Test
  void aGraphqlBodyLevel429IsTransient() {
    try (ScriptedServer s = server(req -> ScriptedServer.Answer.json(
             "{\"data\":null,\"errors\":[{\"message\":{\"code\":429,\"message\":\"too many requests\"}}]}"));
         AuthingManagementClient c = client(s)) {
      assertThatThrownBy(() -> c.groups().list(1, 10)).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.code()).isEqualTo(429);
      });
    }
  }

  @Test
  void aRestBodyLevel429IsTransientInTheCodeAndInTheStatusCodeEnvelope() {
    for (String body : List.of("{\"code\":429,\"message\":\"too many requests\",\"data\":null}",
        "{\"statusCode\":429,\"message\":\"too many requests\",\"data\":null}")) {
      try (ScriptedServer s = server(req -> ScriptedServer.Answer.json(body)); AuthingManagementClient c = client(s)) {
        assertThatThrownBy(() -> c.users().batch(List.of("e1"), BatchType.EXTERNAL_ID, true))
            .isInstanceOfSatisfying(AuthingException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
      }
    }
  }

  @Test
  void aThrottledTokenQueryIsTransientNotARefusedCredential() {
    try (ScriptedServer s = new ScriptedServer(req -> ScriptedServer.Answer.json(
             "{\"data\":null,\"errors\":[{\"message\":{\"code\":429,\"message\":\"too many requests\"}}]}"));
         AuthingManagementClient c = client(s)) {
      assertThatThrownBy(c::checkAccess).isInstanceOfSatisfying(AuthingException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }
  }

  @Test
  void http503HonoursRetryAfter() {
    try (ScriptedServer s = server(req -> new ScriptedServer.Answer(503, Map.of("Retry-After", "7"), "{}"));
         AuthingManagementClient c = client(s)) {
      assertThatThrownBy(() -> c.groups().list(1, 10)).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfterMillis()).isEqualTo(7000);
      });
    }
  }

  @Test
  void perPathErrorsWithDataLeaveOutOnlyTheAffectedItems() {
    String answer = "{\"data\":{\"groups\":{\"totalCount\":3,\"list\":[{\"code\":\"a\",\"name\":\"A\"},null,"
        + "{\"code\":\"c\",\"name\":\"C\"}]}},\"errors\":[{\"message\":{\"code\":500,\"message\":\"resolver failed\"},"
        + "\"path\":[\"groups\",\"list\",1]}]}";
    try (ScriptedServer s = server(req -> ScriptedServer.Answer.json(answer)); AuthingManagementClient c = client(s)) {
      assertThat(c.groups().list(1, 10).list()).extracting(Group::code).containsExactly("a", "c");
    }
  }

  @Test
  void anErrorAtTheRootFieldStillFailsTheCall() {
    String answer = "{\"data\":{\"groups\":null},\"errors\":[{\"message\":{\"code\":2004,\"message\":\"no\"},\"path\":[\"groups\"]}]}";
    try (ScriptedServer s = server(req -> ScriptedServer.Answer.json(answer)); AuthingManagementClient c = client(s)) {
      assertThatThrownBy(() -> c.groups().list(1, 10)).isInstanceOfSatisfying(AuthingException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.code()).isEqualTo(2004);
      });
    }
  }
}
