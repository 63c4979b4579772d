package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.directory.DirectoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The Authorization header of every SCIM request; for OAuth, a cached client-credentials token. */
interface Credentials {
  String header();

  /** The server answered 401: a cached token is dropped so the next call fetches a new one. */
  default void rejected() {}

  static Credentials of(ScimAuth auth, OkHttpClient http, Clock clock, ScimErrors errors, Consumer<String> count) {
    if (auth instanceof ScimAuth.Bearer b) {
      String header = "Bearer " + b.token();
      return () -> header;
    }
    if (auth instanceof ScimAuth.Basic b) {
      String header = okhttp3.Credentials.basic(b.user(), b.password(), StandardCharsets.UTF_8);
      return () -> header;
    }
    return new OAuthToken((ScimAuth.ClientCredentials) auth, http, clock, errors, count);
  }

  /** Client credentials grant; the token is renewed a minute before it expires (or on a 401). */
  final class OAuthToken implements Credentials {
    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private final ScimAuth.ClientCredentials auth;
    private final OkHttpClient http;
    private final Clock clock;
    private final ScimErrors errors;
    private final Consumer<String> count;
    private String token;
    private Instant renewAt = Instant.MIN;

    OAuthToken(ScimAuth.ClientCredentials auth, OkHttpClient http, Clock clock, ScimErrors errors, Consumer<String> count) {
      this.auth = auth;
      this.http = http;
      this.clock = clock;
      this.errors = errors;
      this.count = count;
    }

    @Override
    public synchronized String header() {
      if (token == null || !clock.instant().isBefore(renewAt)) fetch();
      return "Bearer " + token;
    }

    @Override
    public synchronized void rejected() {
      token = null;
    }

    private void fetch() {
      String operation = "POST /oauth/token";
      count.accept(operation);
      FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
      if (auth.scope() != null && !auth.scope().isBlank()) form.add("scope", auth.scope());
      Request request = new Request.Builder().url(auth.tokenUri().toString())
          .header("Authorization", okhttp3.Credentials.basic(auth.clientId(), auth.clientSecret(), StandardCharsets.UTF_8))
          .post(form.build()).build();
      try (Response response = http.newCall(request).execute()) {
        String text = response.body() == null ? "" : response.body().string();
        if (!response.isSuccessful()) {
          DirectoryException e = errors.http(operation, response.code(), null, response.header("Retry-After"));
          if (response.code() == 400 || response.code() == 401) {
            throw new DirectoryException(DirectoryException.Kind.FATAL, 0, response.code(),
                "the OAuth token endpoint refused client " + auth.clientId() + " (HTTP " + response.code() + "); check the client id and secret", null);
          }
          throw e;
        }
        JsonNode json = ScimClient.JSON.readTree(text);
        if (!json.hasNonNull("access_token")) throw errors.malformed(operation, response.code(), "no access_token");
        token = json.get("access_token").asText();
        Duration lifetime = json.hasNonNull("expires_in") ? Duration.ofSeconds(json.get("expires_in").asLong()) : DEFAULT_LIFETIME;
        renewAt = clock.instant().plus(lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2));
      } catch (IOException e) {
        throw errors.io(operation, e);
      }
    }
  }
}
