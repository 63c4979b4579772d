package io.dirsync.directory.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.directory.DirectoryException;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One SCIM service provider over HTTP: sends a request, returns the JSON answer, turns failures
 * into classed {@link DirectoryException}s and counts calls by method and endpoint. Thread-safe.
 */
final class ScimClient implements AutoCloseable {
  static final MediaType SCIM_JSON = MediaType.get("application/scim+json; charset=utf-8");
  static final ObjectMapper JSON = new ObjectMapper();

  /** A successful answer: status, body (null for 204) and the ETag header (or the body's meta.version). */
  record Answer(int status, JsonNode body, String etag) {}

  private final HttpUrl base;
  private final OkHttpClient http;
  private final Credentials credentials;
  private final ScimErrors errors;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  ScimClient(ScimSettings settings, Clock clock) {
    HttpUrl parsed = HttpUrl.parse(settings.baseUri().toString());
    if (parsed == null) throw new IllegalArgumentException("not a SCIM base URL: " + settings.baseUri());
    this.base = parsed;
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .callTimeout(settings.callTimeout())
        .readTimeout(settings.callTimeout())
        .retryOnConnectionFailure(false);
    TrustStores.Trust trust = settings.insecure() ? TrustStores.insecure()
        : settings.trustStore() == null ? null : TrustStores.load(settings.trustStore(), settings.trustStorePassword());
    if (trust != null) builder.sslSocketFactory(trust.context().getSocketFactory(), trust.manager());
    if (settings.insecure()) builder.hostnameVerifier((host, session) -> true);
    this.http = builder.build();
    this.errors = new ScimErrors(clock, secretOf(settings.auth()));
    this.credentials = Credentials.of(settings.auth(), http, clock, errors, this::count);
  }

  /** GET {@code path} (relative to the base, e.g. "Users") with query parameters. */
  Answer get(String path, Map<String, String> query) {
    HttpUrl.Builder url = url(path);
    query.forEach(url::addQueryParameter);
    return send(new Request.Builder().url(url.build()).get(), "GET", path);
  }

  /** POST, PUT or PATCH a JSON body, with {@code If-Match} when {@code ifMatch} is set. */
  Answer send(String method, String path, JsonNode body, String ifMatch) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw ScimErrors.invalid("cannot write the SCIM request: " + e.getMessage());
    }
    Request.Builder request = new Request.Builder().url(url(path).build()).method(method, RequestBody.create(bytes, SCIM_JSON));
    if (ifMatch != null) request.header("If-Match", ifMatch);
    return send(request, method, path);
  }

  Answer delete(String path) {
    return send(new Request.Builder().url(url(path).build()).delete(), "DELETE", path);
  }

  ScimErrors errors() {
    return errors;
  }

  /** Calls made so far, by "METHOD /Endpoint" (and the OAuth token endpoint). */
  Map<String, Long> callCounts() {
    Map<String, Long> out = new HashMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private HttpUrl.Builder url(String path) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) url.addPathSegment(segment);
    }
    return url;
  }

  private Answer send(Request.Builder request, String method, String path) {
    String operation = method + " /" + path.split("/")[0];
    request.header("Accept", "application/scim+json, application/json");
    request.header("Authorization", credentials.header());
    count(operation);
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      JsonNode json = null;
      if (!text.isBlank()) {
        try {
          json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
          if (response.isSuccessful()) throw errors.malformed(operation, response.code(), "not JSON");
        }
      }
      if (response.code() == 401) credentials.rejected();
      if (!response.isSuccessful()) throw errors.http(operation, response.code(), json, response.header("Retry-After"));
      String etag = response.header("ETag");
      if (etag == null && json != null && json.path("meta").hasNonNull("version")) etag = json.path("meta").get("version").asText();
      return new Answer(response.code(), json, etag);
    } catch (IOException e) {
      throw errors.io(operation, e);
    }
  }

  private void count(String operation) {
    calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  private static String secretOf(ScimAuth auth) {
    if (auth instanceof ScimAuth.Bearer b) return b.token();
    if (auth instanceof ScimAuth.Basic b) return b.password();
    if (auth instanceof ScimAuth.ClientCredentials c) return c.clientSecret();
    return null;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
