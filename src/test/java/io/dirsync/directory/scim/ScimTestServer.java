package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.captaingoldfish.scim.sdk.common.constants.ClassPathReferences;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.EndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ETagFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SCIM 2.0 service provider for tests and the demo, built on the scim-sdk-server library (which
 * parses filters, applies PATCH, runs bulk requests, checks ETags and writes the discovery
 * endpoints) over {@link ScimStore}. It listens on 127.0.0.1 under {@code /scim/v2}, answers one
 * request at a time, counts the requests it got ({@code GET /stats}, {@code POST /stats/reset} for
 * benchmarks), and can be told to fail the next requests.
 */
final class ScimTestServer implements AutoCloseable {
  static final String BASE_PATH = "/scim/v2";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScimServerOptions options;
  private final ScimStore store = new ScimStore();
  private final ResourceEndpoint endpoint;
  private final HttpServer http;
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
  private final Deque<int[]> faults = new ArrayDeque<>();
  private final Map<Integer, String> faultRetryAfter = new HashMap<>();
  private final Map<Integer, String> faultScimType = new HashMap<>();

  private ScimTestServer(ScimServerOptions options, int port) throws IOException {
    this.options = options;
    this.endpoint = new ResourceEndpoint(serviceProvider(options));
    registerUsers();
    if (options.groups()) configure(endpoint.registerEndpoint(new GroupEndpointDefinition(store.groupHandler)));
    http = options.keyStore() == null ? HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64) : https(port, options);
    http.createContext("/", this::handle);
    http.setExecutor(null); // one request at a time, on the server's own thread
    http.start();
  }

  static ScimTestServer start(ScimServerOptions options) {
    return start(options, 0);
  }

  static ScimTestServer start(ScimServerOptions options, int port) {
    try {
      return new ScimTestServer(options, port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the SCIM test server: " + e.getMessage(), e);
    }
  }

  URI baseUri() {
    return URI.create(scheme() + "://127.0.0.1:" + http.getAddress().getPort() + BASE_PATH);
  }

  private String scheme() {
    return options.keyStore() == null ? "http" : "https";
  }

  /** An HTTPS server with the key and certificate of the options' PKCS#12 key store. */
  private static HttpServer https(int port, ScimServerOptions options) throws IOException {
    try {
      java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
      try (java.io.InputStream in = java.nio.file.Files.newInputStream(options.keyStore())) {
        keys.load(in, options.keyStorePassword().toCharArray());
      }
      javax.net.ssl.KeyManagerFactory managers = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, options.keyStorePassword().toCharArray());
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 64);
      server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(context));
      return server;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  URI tokenUri() {
    return URI.create(scheme() + "://127.0.0.1:" + http.getAddress().getPort() + "/oauth/token");
  }

  int userCount() {
    return store.userCount();
  }

  /** Requests received, by method and endpoint ("GET /Users", "POST /Bulk", "POST /oauth/token"). */
  Map<String, Long> requests() {
    Map<String, Long> out = new HashMap<>();
    requests.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  long requestCount() {
    return requests.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** The next {@code times} SCIM requests answer {@code status} (with Retry-After when given). */
  synchronized void failNext(int status, int times, String retryAfter) {
    failNext(status, times, retryAfter, null);
  }

  /** As {@link #failNext(int, int, String)}, the SCIM error carrying this {@code scimType}. */
  synchronized void failNext(int status, int times, String retryAfter, String scimType) {
    for (int i = 0; i < times; i++) faults.add(new int[] {status});
    if (retryAfter != null) faultRetryAfter.put(status, retryAfter);
    if (scimType != null) faultScimType.put(status, scimType);
  }

  private static ServiceProvider serviceProvider(ScimServerOptions o) {
    return ServiceProvider.builder()
        .patchConfig(PatchConfig.builder().supported(o.patch()).build())
        .bulkConfig(BulkConfig.builder().supported(o.bulk()).maxOperations(o.bulkMaxOperations())
            .maxPayloadSize(o.bulkMaxPayloadSize()).build())
        .filterConfig(FilterConfig.builder().supported(true).maxResults(o.filterMaxResults()).build())
        .sortConfig(SortConfig.builder().supported(false).build())
        .eTagConfig(ETagConfig.builder().supported(o.etag()).build())
        .authenticationSchemes(List.of(o.basicUser() != null
            ? AuthenticationScheme.builder().name("HTTP Basic").description("basic").type("httpbasic").build()
            : AuthenticationScheme.builder().name("OAuth Bearer Token").description("bearer").type("oauthbearertoken").build()))
        .build();
  }

  private void registerUsers() {
    ObjectNode resourceType = (ObjectNode) JsonHelper.loadJsonDocument(ClassPathReferences.USER_RESOURCE_TYPE_JSON);
    JsonNode schema = JsonHelper.loadJsonDocument(ClassPathReferences.USER_SCHEMA_JSON);
    JsonNode enterprise = JsonHelper.loadJsonDocument(ClassPathReferences.ENTERPRISE_USER_SCHEMA_JSON);
    List<JsonNode> extensions = new java.util.ArrayList<>(List.of(enterprise));
    if (!options.enterprise()) {
      extensions.clear();
      ArrayNode declared = (ArrayNode) resourceType.get("schemaExtensions");
      for (int i = declared.size() - 1; i >= 0; i--) {
        if (declared.get(i).path("schema").asText().endsWith(":enterprise:2.0:User")) declared.remove(i);
      }
    }
    if (!options.customAttributes().isEmpty()) {
      ObjectNode ext = JSON.createObjectNode().put("schema", ScimServerOptions.CUSTOM_SCHEMA).put("required", false);
      ((ArrayNode) resourceType.get("schemaExtensions")).add(ext);
      extensions.add(customSchema());
    }
    configure(endpoint.registerEndpoint(new EndpointDefinition(resourceType, schema, extensions, store.userHandler)));
  }

  private void configure(ResourceType type) {
    type.getFeatures().setAutoFiltering(true);
    type.getFeatures().setETagFeature(ETagFeature.builder().enabled(options.etag()).build());
  }

  private JsonNode customSchema() {
    ObjectNode schema = JSON.createObjectNode();
    schema.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
    schema.put("id", ScimServerOptions.CUSTOM_SCHEMA).put("name", "DirsyncCustom").put("description", "custom data");
    ArrayNode attributes = schema.putArray("attributes");
    options.customAttributes().forEach((name, type) -> attributes.addObject()
        .put("name", name).put("description", name).put("type", type).put("multiValued", false).put("required", false).put("caseExact", false)
        .put("mutability", "readWrite").put("returned", "default").put("uniqueness", "none"));
    return schema;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("/stats")) {
        send(exchange, 200, JSON.writeValueAsString(new java.util.TreeMap<>(requests())), Map.of("Content-Type", "application/json"));
        return;
      }
      if (path.equals("/stats/reset")) {
        requests.clear();
        send(exchange, 204, null, Map.of());
        return;
      }
      if (path.equals("/oauth/token")) {
        count("POST /oauth/token");
        token(exchange, body);
        return;
      }
      if (!path.startsWith(BASE_PATH)) {
        send(exchange, 404, "{}", Map.of());
        return;
      }
      String rest = path.substring(BASE_PATH.length());
      String resource = rest.isEmpty() ? "/" : "/" + rest.substring(1).split("/")[0];
      count(exchange.getRequestMethod() + " " + resource);
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, error(401, null, "authentication required"), Map.of("WWW-Authenticate", "Bearer"));
        return;
      }
      int[] fault = nextFault();
      if (fault != null) {
        String retryAfter = faultRetryAfter.get(fault[0]);
        send(exchange, fault[0], error(fault[0], faultScimType.get(fault[0]), "injected failure"), retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
        return;
      }
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
      String query = exchange.getRequestURI().getRawQuery();
      String url = scheme() + "://127.0.0.1:" + http.getAddress().getPort() + path + (query == null ? "" : "?" + query);
      ScimResponse response = endpoint.handleRequest(url, HttpMethod.valueOf(exchange.getRequestMethod()),
          body.isEmpty() ? null : body, headers, null);
      send(exchange, response.getHttpStatus(), response.getHttpStatus() == 204 ? null : response.toString(), response.getHttpHeaders());
    }
  }

  private synchronized int[] nextFault() {
    return faults.poll();
  }

  private void count(String key) {
    requests.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private boolean authorized(String header) {
    if (options.bearerToken() != null) return ("Bearer " + options.bearerToken()).equals(header);
    if (options.basicUser() != null) {
      String expected = Base64.getEncoder().encodeToString((options.basicUser() + ":" + options.basicPassword()).getBytes(StandardCharsets.UTF_8));
      return ("Basic " + expected).equals(header);
    }
    if (options.clientId() != null) return header != null && header.startsWith("Bearer ") && issuedTokens.contains(header.substring(7));
    return true;
  }

  private void token(HttpExchange exchange, String body) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    if (auth != null && auth.startsWith("Basic ")) {
      String[] pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
      id = pair[0];
      secret = pair.length > 1 ? pair[1] : null;
    }
    if (!"client_credentials".equals(form.get("grant_type")) || !options.clientId().equals(id) || !options.clientSecret().equals(secret)) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}", Map.of());
      return;
    }
    String token = UUID.randomUUID().toString();
    issuedTokens.add(token);
    send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", Map.of());
  }

  private static String error(int status, String scimType, String detail) {
    ObjectNode e = JSON.createObjectNode();
    e.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
    e.put("status", String.valueOf(status)).put("detail", detail);
    if (scimType != null) e.put("scimType", scimType);
    return e.toString();
  }

  private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!headers.containsKey("Content-Type")) exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }

  /**
   * Runs the server until the process is stopped, for the demo and benchmarks:
   * {@code [--port N] [--no-patch] [--no-bulk] [--max-results N] [--token T] [--no-groups] [--no-enterprise]}.
   */
  public static void main(String[] args) throws InterruptedException {
    ScimServerOptions options = ScimServerOptions.defaults();
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--no-patch" -> options = options.withoutPatch();
        case "--no-bulk" -> options = options.withoutBulk();
        case "--max-results" -> options = options.withFilterMaxResults(Integer.parseInt(args[++i]));
        case "--token" -> options = options.withBearer(args[++i]);
        case "--no-groups" -> options = options.withoutGroups();
        case "--no-enterprise" -> options = options.withoutEnterprise();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ScimTestServer server = start(options, port);
    System.out.println("SCIM test server at " + server.baseUri() + " (bearer token " + (options.bearerToken() == null ? "-" : "set") + ")");
    new CountDownLatch(1).await();
  }
}
