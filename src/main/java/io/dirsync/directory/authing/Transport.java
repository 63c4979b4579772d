package io.dirsync.directory.authing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection pool and one JSON mapper for every call: sends the Authing headers and the
 * management token, unwraps the GraphQL and REST envelopes, refreshes a refused token once, counts
 * calls by operation, and raises {@link AuthingException}. No other retries. Thread-safe.
 */
final class Transport implements AutoCloseable {
  static final String SDK_VERSION = "java:0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String ACCESS_TOKEN_DOC = """
      query accessToken($userPoolId: String!, $secret: String!) {
        accessToken(userPoolId: $userPoolId, secret: $secret) {
          accessToken
          exp
          iat
        }
      }""";

  /**
   * What an envelope held: data, or a business error. {@code partial} describes per-path GraphQL
   * errors that came with the data (null when there were none).
   */
  private record Reply(boolean ok, JsonNode data, int code, String message, int status, String partial) {
    static Reply failed(int code, String message, int status) {
      return new Reply(false, null, code, message, status, null);
    }

    static Reply data(JsonNode data, int status, String partial) {
      return new Reply(true, data == null ? NullNode.getInstance() : data, 200, null, status, partial);
    }
  }

  private final AuthingConfig config;
  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Errors errors;
  private final TokenCache tokens;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  Transport(AuthingConfig config, Clock clock) {
    this.config = config;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // A silently repeated POST could create a user twice; the apply layer decides on retries.
        .retryOnConnectionFailure(false)
        // Idle connections are dropped before servers typically close them (JDK server: 30 s), so a
        // call rarely meets a connection the server has already closed.
        .connectionPool(new ConnectionPool(8, 20, TimeUnit.SECONDS))
        .build();
    this.json = new ObjectMapper();
    this.errors = new Errors(config.secret(), clock);
    this.tokens = new TokenCache(this::fetchToken, clock, config.tokenRefreshMargin(), json);
  }

  ObjectMapper json() {
    return json;
  }

  Errors errors() {
    return errors;
  }

  String userPoolId() {
    return config.userPoolId();
  }

  /** Makes sure a management token is held (fetching one if needed). */
  void authenticate() {
    tokens.get();
  }

  /**
   * The {@code data} object of a GraphQL call counted under {@code rootField}. Per-path errors that
   * come with data leave the affected items null (logged); the caller skips them.
   */
  JsonNode graphqlData(String rootField, String document, Map<String, ?> variables) {
    return graphqlData(rootField, document, variables, false);
  }

  /** {@code data.<rootField>}, all of it: per-path errors fail the call as transient (it is read again). */
  JsonNode graphqlComplete(String rootField, String document, Map<String, ?> variables) {
    JsonNode value = graphqlData(rootField, document, variables, true).get(rootField);
    return value == null ? NullNode.getInstance() : value;
  }

  private JsonNode graphqlData(String rootField, String document, Map<String, ?> variables, boolean complete) {
    String body = write(rootField, Map.of("query", document, "variables", variables));
    Reply reply = authorized(rootField, token -> request(url("/graphql/v2", Map.of()), "POST", body, token), true);
    if (reply.partial() != null) {
      if (complete) throw errors.incomplete(rootField, reply.partial());
      LOG.warn("authing {}: part of the answer failed, those items are left out: {}", rootField, errors.scrub(reply.partial()));
    }
    return reply.data();
  }

  /** {@code data.<rootField>} of a GraphQL call (a NullNode when the server answered null). */
  JsonNode graphql(String rootField, String document, Map<String, ?> variables) {
    JsonNode data = graphqlData(rootField, document, variables);
    JsonNode value = data.get(rootField);
    return value == null ? NullNode.getInstance() : value;
  }

  /** Like {@link #graphql}, for root fields that must answer an object (created or changed entities). */
  JsonNode graphqlObject(String rootField, String document, Map<String, ?> variables) {
    JsonNode value = graphql(rootField, document, variables);
    if (!value.isObject()) throw errors.malformed(rootField, 200, "no " + rootField + " object in the answer");
    return value;
  }

  /**
   * The {@code data} of a REST call. {@code route} names it in counts and errors (e.g.
   * {@code GET /api/v2/users/{id}}); a list value in {@code query} repeats its key.
   */
  JsonNode rest(String route, String method, String path, Map<String, ?> query, Object body) {
    String text = body == null ? null : write(route, body);
    HttpUrl url = url(path, query);
    return authorized(route, token -> request(url, method, text, token), false).data();
  }

  Map<String, Long> callCounts() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Reply authorized(String op, Function<String, Request> build, boolean graphql) {
    String token = tokens.get();
    Reply reply = exchange(op, build.apply(token), graphql);
    if (!reply.ok() && reply.code() == Errors.UNAUTHENTICATED) {
      LOG.debug("authing {}: token refused, fetching a new one", op);
      tokens.invalidate(token);
      reply = exchange(op, build.apply(tokens.get()), graphql);
    }
    if (!reply.ok()) throw errors.business(op, reply.code(), reply.status(), reply.message());
    return reply;
  }

  private String fetchToken() {
    Map<String, Object> vars = Map.of("userPoolId", config.userPoolId(), "secret", config.secret());
    String body = write("accessToken", Map.of("query", ACCESS_TOKEN_DOC, "variables", vars));
    Reply reply = exchange("accessToken", request(url("/graphql/v2", Map.of()), "POST", body, null), true);
    if (!reply.ok()) throw errors.tokenRefused(config.userPoolId(), reply.code(), reply.message());
    JsonNode token = reply.data().path("accessToken").path("accessToken");
    if (!token.isTextual() || token.asText().isBlank()) {
      throw errors.malformed("accessToken", reply.status(), "no accessToken in the answer");
    }
    return token.asText();
  }

  private Reply exchange(String op, Request request, boolean graphql) {
    calls.computeIfAbsent(op, k -> new LongAdder()).increment();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      LOG.debug("authing {} -> HTTP {}", op, status);
      if (status < 200 || status >= 300) throw errors.http(op, status, response.header("Retry-After"));
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      JsonNode node;
      try {
        node = json.readTree(text);
      } catch (JsonProcessingException e) {
        throw errors.malformed(op, status, "not JSON");
      }
      if (node == null || !node.isObject()) throw errors.malformed(op, status, "not a JSON object");
      return graphql ? unwrapGraphql(node, status) : unwrapRest(node, status);
    } catch (IOException e) {
      throw errors.io(op, e);
    }
  }

  /**
   * A GraphQL envelope. Errors fail the call, except per-path errors below the root field that come
   * with data (the affected items are null, the rest is usable); a throttling or busy code anywhere
   * fails the whole call as transient.
   */
  private static Reply unwrapGraphql(JsonNode body, int status) {
    JsonNode errs = body.get("errors");
    JsonNode data = body.get("data");
    if (errs == null || !errs.isArray() || errs.isEmpty()) return Reply.data(data, status, null);
    JsonNode first = null;
    boolean allBelowRoot = data != null && data.isObject();
    StringBuilder partial = new StringBuilder();
    for (JsonNode error : errs) {
      JsonNode message = error.get("message");
      int code = message != null && message.isObject() ? message.path("code").asInt(0) : 0;
      if (Errors.isTransientCode(code)) return Reply.failed(code, message.path("message").asText(""), status);
      if (first == null) first = error;
      JsonNode path = error.get("path");
      boolean belowRoot = path != null && path.isArray() && path.size() >= 2 && data != null
          && data.path(path.get(0).asText()).isContainerNode();
      allBelowRoot &= belowRoot;
      if (partial.length() > 0) partial.append("; ");
      partial.append(path == null ? "?" : path.toString()).append(": ").append(text(message));
    }
    if (allBelowRoot) return Reply.data(data, status, partial.toString());
    JsonNode message = first.get("message");
    if (message != null && message.isObject()) {
      return Reply.failed(message.path("code").asInt(0), message.path("message").asText(""), status);
    }
    return Reply.failed(0, message == null ? "" : message.asText(), status);
  }

  private static String text(JsonNode message) {
    if (message == null) return "";
    return message.isObject() ? message.path("code").asInt(0) + " " + message.path("message").asText("") : message.asText();
  }

  private static Reply unwrapRest(JsonNode body, int status) {
    int code = body.path("code").asInt(0);
    int statusCode = body.path("statusCode").asInt(0);
    if (code == 200 || statusCode == 200) return Reply.data(body.get("data"), status, null);
    return Reply.failed(code != 0 ? code : statusCode, body.path("message").asText(""), status);
  }

  private Request request(HttpUrl url, String method, String body, String token) {
    Request.Builder b = new Request.Builder().url(url)
        .header("accept", "application/json, text/plain, */*")
        .header("x-authing-userpool-id", config.userPoolId())
        .header("x-authing-request-from", "sdk")
        .header("x-authing-sdk-version", SDK_VERSION)
        .header("x-authing-lang", config.lang());
    if (token != null) b.header("authorization", "Bearer " + token);
    RequestBody requestBody = body == null ? null : RequestBody.create(body, JSON);
    if (requestBody == null && (method.equals("POST") || method.equals("PUT"))) requestBody = RequestBody.create("{}", JSON);
    return b.method(method, requestBody).build();
  }

  private HttpUrl url(String path, Map<String, ?> query) {
    HttpUrl base = HttpUrl.get(config.baseUrl() + path);
    HttpUrl.Builder b = base.newBuilder();
    query.forEach((k, v) -> {
      if (v instanceof List<?> list) list.forEach(item -> b.addQueryParameter(k, String.valueOf(item)));
      else if (v != null) b.addQueryParameter(k, String.valueOf(v));
    });
    return b.build();
  }

  private String write(String op, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw Errors.invalid(op, "cannot encode the request as JSON");
    }
  }
}
