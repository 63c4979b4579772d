package io.dirsync.directory.authingv3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One connection pool and JSON mapper for every v3 call: signs each request as the official SDK
 * does, unwraps the {@code statusCode} envelope (an error may come as HTTP 200 with the error in
 * the body, or with an HTTP error status), counts calls by route, and never retries. Thread-safe.
 */
final class V3Transport implements AutoCloseable {
  static final String SDK_VERSION = "authing-node-sdk:4.0.1";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final V3Config config;
  private final Clock clock;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Signer signer;
  private final V3Errors errors;
  private final SecureRandom nonces = new SecureRandom();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  V3Transport(V3Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // a silently repeated POST could create users twice; the apply layer decides on retries
        .retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(8, 20, TimeUnit.SECONDS))
        .build();
    this.signer = new Signer(config.accessKeyId(), config.accessKeySecret());
    this.errors = new V3Errors(config.accessKeySecret(), clock);
  }

  ObjectMapper json() {
    return json;
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  /** GET {@code /api/v3/<name>}; arrays in {@code params} go out as repeated {@code key[]}. */
  JsonNode get(String name, ObjectNode params) {
    String path = "/api/v3/" + name;
    HttpUrl.Builder url = HttpUrl.get(config.baseUrl() + path).newBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isArray()) e.getValue().forEach(v -> url.addQueryParameter(e.getKey() + "[]", v.asText()));
      else if (!e.getValue().isNull()) url.addQueryParameter(e.getKey(), e.getValue().asText());
    }
    return exchange("GET " + name, request("GET", path, url.build(), params, null));
  }

  /** POST {@code /api/v3/<name>} with {@code body} as JSON. */
  JsonNode post(String name, ObjectNode body) {
    String path = "/api/v3/" + name;
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw V3Errors.invalid(name, "cannot encode the request as JSON");
    }
    return exchange("POST " + name, request("POST", path, HttpUrl.get(config.baseUrl() + path), body, text));
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

  private Request request(String method, String path, HttpUrl url, ObjectNode params, String body) {
    byte[] nonce = new byte[16];
    nonces.nextBytes(nonce);
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("x-authing-signature-nonce", HexFormat.of().formatHex(nonce));
    signed.put("x-authing-signature-method", "HMAC-SHA1");
    signed.put("x-authing-signature-version", "1.0");
    signed.put("x-authing-sdk-version", SDK_VERSION);
    signed.put("x-authing-lang", config.lang());
    signed.put("date", HTTP_DATE.format(clock.instant()));
    Request.Builder b = new Request.Builder().url(url).header("accept", "application/json");
    signed.forEach(b::header);
    b.header("authorization", signer.authorization(method, path, signed, params));
    RequestBody requestBody = body == null ? null : RequestBody.create(body, JSON);
    return b.method(method, requestBody).build();
  }

  private JsonNode exchange(String route, Request request) {
    calls.computeIfAbsent(route, k -> new LongAdder()).increment();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      JsonNode node = null;
      try {
        node = text.isBlank() ? null : json.readTree(text);
      } catch (JsonProcessingException e) {
        if (status >= 200 && status < 300) throw errors.malformed(route, status, "not JSON");
      }
      int statusCode = node == null ? 0 : node.path("statusCode").asInt(0);
      if (status >= 200 && status < 300 && statusCode == 200) {
        JsonNode data = node.get("data");
        return data == null ? NullNode.getInstance() : data;
      }
      if (status >= 200 && status < 300 && (node == null || !node.isObject())) throw errors.malformed(route, status, "no envelope");
      int apiCode = node == null ? 0 : node.path("apiCode").asInt(0);
      String message = node == null ? "" : node.path("message").asText("");
      throw errors.answered(route, status, statusCode, apiCode, message, response.header("Retry-After"));
    } catch (IOException e) {
      throw errors.io(route, e);
    }
  }
}
