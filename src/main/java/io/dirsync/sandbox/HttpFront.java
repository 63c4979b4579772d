package io.dirsync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer: applies the knobs (rate limit, latency, faults) to API calls, checks the
 * management token, and dispatches to GraphQL, REST or the unauthenticated {@code /sandbox/*}
 * endpoints. Business errors are HTTP 200 with Authing's error shapes.
 */
final class HttpFront implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

    /** What answers API calls; replaced as a whole by a reset. */
    record Api(Sandbox sandbox, GraphqlEndpoint graphql, RestRoutes rest, io.dirsync.sandbox.v3.V3Endpoint v3) {
    }

    private final SandboxOptions options;
    private final CallStats stats;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final Throttle throttle;
    private final Runnable reset;
    private volatile Api api;

    HttpFront(SandboxOptions options, Api api, CallStats stats, RateLimiter limiter, FaultInjector faults,
              Runnable reset) {
        this.options = options;
        this.api = api;
        this.stats = stats;
        this.limiter = limiter;
        this.faults = faults;
        this.throttle = new Throttle(options.throttleRate(), new java.util.Random(options.seed() * 31 + 7));
        this.reset = reset;
    }

    void use(Api next) {
        this.api = next;
    }

    private record Reply(int status, Object body, Map<String, String> headers) {
        static Reply json(Object body) {
            return new Reply(200, body, Map.of());
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/sandbox/")) {
                send(exchange, admin(exchange.getRequestMethod(), path));
                return;
            }
            long retryAfter = limiter.tryAcquire();
            if (retryAfter > 0) {
                exchange.getRequestBody().readAllBytes();
                send(exchange, new Reply(429, Map.of("code", 429, "message",
                        "rate limit of " + options.rateLimitRps() + " calls per second exceeded; retry after "
                                + retryAfter + " s"), Map.of("Retry-After", Long.toString(retryAfter))));
                return;
            }
            if (options.latencyMillis() > 0) {
                Thread.sleep(options.latencyMillis());
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (throttle.next()) {
                send(exchange, throttled(exchange, path));
                return;
            }
            FaultInjector.Fault fault = faults.next();
            if (fault.kind() != FaultInjector.Kind.NONE && !fault.afterApplying()) {
                fail(exchange, fault);
                return;
            }
            Reply reply = dispatch(exchange, path, body);
            if (fault.kind() != FaultInjector.Kind.NONE) {
                fail(exchange, fault);
                return;
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("sandbox failed to answer {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e.toString());
            trySend(exchange, new Reply(500, Map.of("code", 500, "message", "sandbox internal error: " + e), Map.of()));
        } finally {
            exchange.close();
        }
    }

    private Reply dispatch(HttpExchange exchange, String path, byte[] body) {
        Api current = api;
        GraphqlEndpoint graphql = current.graphql();
        RestRoutes rest = current.rest();
        boolean authenticated = authenticated(exchange.getRequestHeaders().getFirst("authorization"));
        if (path.equals("/graphql/v2")) {
            if (!exchange.getRequestMethod().equals("POST")) {
                return Reply.json(GraphqlEndpoint.error(ApiException.INVALID_INPUT, "use POST for /graphql/v2"));
            }
            Map<String, Object> request;
            try {
                request = Json.object(body);
            } catch (ApiException e) {
                return Reply.json(GraphqlEndpoint.error(e.code(), e.getMessage()));
            }
            return Reply.json(graphql.execute(request, authenticated));
        }
        RestRequest request = new RestRequest(exchange.getRequestMethod(), path,
                RestRequest.parseQuery(exchange.getRequestURI().getRawQuery()), body, List.of());
        RestRoutes.Match match = rest.match(request);
        String authorization = exchange.getRequestHeaders().getFirst("authorization");
        if (io.dirsync.sandbox.v3.V3Endpoint.wants(path, authorization, match != null)) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            io.dirsync.sandbox.v3.V3Endpoint.Answer answer = current.v3().handle(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), headers, body);
            if (answer.route() != null) {
                stats.count(answer.route());
            }
            return new Reply(answer.status(), answer.body(), Map.of());
        }
        if (match == null) {
            return new Reply(404, Map.of("code", 404, "message", "the sandbox has no route "
                    + request.method() + " " + path), Map.of());
        }
        stats.count(match.route().name());
        boolean v3 = match.route().v3Envelope();
        if (!authenticated && !match.route().open()) {
            return Reply.json(envelope(v3, ApiException.NOT_LOGGED_IN,
                    "not logged in: send 'authorization: Bearer <management token>' (missing, invalid or expired)", null));
        }
        try {
            return Reply.json(envelope(v3, 200, "ok", match.route().handler().handle(match.request())));
        } catch (ApiException e) {
            return Reply.json(envelope(v3, e.code(), e.getMessage(), null));
        }
    }

    /** HTTP 200 with code 429 in the envelope the route would have answered in; nothing is carried out. */
    private Reply throttled(HttpExchange exchange, String path) {
        if (path.equals("/graphql/v2")) {
            return Reply.json(GraphqlEndpoint.error(Throttle.CODE, Throttle.message()));
        }
        RestRoutes.Match match = api.rest().match(new RestRequest(exchange.getRequestMethod(), path,
                RestRequest.parseQuery(exchange.getRequestURI().getRawQuery()), new byte[0], List.of()));
        boolean v3 = path.startsWith("/api/v3/") || (match != null && match.route().v3Envelope());
        return Reply.json(envelope(v3, Throttle.CODE, Throttle.message(), null));
    }

    private static Map<String, Object> envelope(boolean v3, int code, String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(v3 ? "statusCode" : "code", code);
        body.put("message", message);
        body.put("data", data);
        return body;
    }

    private boolean authenticated(String header) {
        Sandbox s = api.sandbox();
        if (header == null) {
            return false;
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        return s.tokens().verify(token)
                .filter(claims -> s.options().userPoolId().equals(claims.get("sub")))
                .filter(claims -> claims.get("data") instanceof Map<?, ?> d && "userPool".equals(d.get("type")))
                .isPresent();
    }

    private Reply admin(String method, String path) {
        if (method.equals("GET") && path.equals("/sandbox/stats")) {
            return Reply.json(statsBody(stats.snapshot()));
        }
        if (method.equals("POST") && path.equals("/sandbox/stats/reset")) {
            stats.reset();
            return Reply.json(statsBody(stats.snapshot()));
        }
        if (method.equals("POST") && path.equals("/sandbox/reset")) {
            reset.run();
            return Reply.json(Map.of("code", 200, "message", "all sandbox data deleted"));
        }
        if (method.equals("GET") && path.equals("/sandbox/info")) {
            Sandbox s = api.sandbox();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("userPoolId", s.options().userPoolId());
            info.put("persistent", s.options().dataDir() != null);
            info.put("users", s.users().count());
            info.put("orgs", s.orgs().allOrgs().size());
            return Reply.json(info);
        }
        return new Reply(404, Map.of("code", 404, "message", "unknown sandbox endpoint " + method + " " + path
                + "; try GET /sandbox/stats, POST /sandbox/stats/reset, GET /sandbox/info or POST /sandbox/reset"), Map.of());
    }

    static Map<String, Object> statsBody(SandboxStats snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("calls", snapshot.calls());
        body.put("total", snapshot.total());
        return body;
    }

    private static void fail(HttpExchange exchange, FaultInjector.Fault fault) throws IOException {
        if (fault.kind() == FaultInjector.Kind.DROP) {
            // closing before any response header is sent makes the server drop the connection
            return;
        }
        send(exchange, new Reply(fault.status(), Map.of("code", fault.status(), "message",
                "sandbox fault injection: HTTP " + fault.status()
                        + (fault.afterApplying() ? " after the call was applied" : " before the call was applied")),
                Map.of()));
    }

    private static void trySend(HttpExchange exchange, Reply reply) {
        try {
            send(exchange, reply);
        } catch (IOException | RuntimeException ignored) {
            // the response may already be under way; nothing more to do
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = Json.bytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
