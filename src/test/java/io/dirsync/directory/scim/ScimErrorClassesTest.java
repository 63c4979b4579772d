package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dirsync.directory.DirectoryException;
import io.dirsync.directory.DirectoryException.Kind;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each way a SCIM server reports a failure (RFC 7644 §3.12: the HTTP status, the error's
 * {@code scimType} and {@code detail}, {@code Retry-After}) and the class dirsync gives it, over HTTP
 * from the SCIM test server.
 */
class ScimErrorClassesTest {
  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private ScimTestServer server;
  private ScimDirectory directory;

  @BeforeEach
  void start() {
    server = ScimTestServer.start(ScimServerOptions.defaults());
    directory = new ScimDirectory(ScimSettings.of(server.baseUri(), new ScimAuth.Bearer("test-token")), Clock.fixed(NOW, ZoneOffset.UTC));
    directory.checkAccess();
  }

  @AfterEach
  void stop() {
    directory.close();
    server.close();
  }

  private DirectoryException createFails() {
    return catchThrowableOfType(() -> directory.createUser(DesiredUser.of(ExternalId.of("e-1"), Map.of("username", "u1"))),
        DirectoryException.class);
  }

  @ParameterizedTest(name = "HTTP {0} ({1}) is {2}")
  @CsvSource({
      "400, invalidValue, PERMANENT",
      "400, invalidSyntax, PERMANENT",
      "400, tooMany, PERMANENT",
      "404, , PERMANENT",
      "409, uniqueness, PERMANENT",
      "412, , TRANSIENT",
      "408, , TRANSIENT",
      "500, , TRANSIENT",
      "502, , TRANSIENT",
      "503, , TRANSIENT",
      "501, , PERMANENT",
      "401, , FATAL",
      "403, , FATAL"})
  void eachStatusAndScimTypeHasItsClassAndTheMessageNamesThem(int status, String scimType, Kind kind) {
    server.failNext(status, 1, null, scimType);

    DirectoryException e = createFails();

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.getMessage()).contains("POST /Users").contains("HTTP " + status).contains("injected failure");
    if (scimType != null) assertThat(e.getMessage()).contains("(" + scimType + ")");
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDateSetsTheWait() {
    server.failNext(429, 1, "12");
    assertThat(createFails().retryAfterMillis()).isEqualTo(12_000);

    server.failNext(429, 1, DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC)));
    DirectoryException e = createFails();
    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.retryAfterMillis()).isEqualTo(30_000);
  }

  @Test
  void aServerErrorLeavesTheOutcomeUnknownAndARefusalDoesNot() {
    server.failNext(502, 1, null);
    assertThat(createFails().outcomeUnknown()).isTrue();
    server.failNext(409, 1, null, "uniqueness");
    assertThat(createFails().outcomeUnknown()).isFalse();
  }
}
